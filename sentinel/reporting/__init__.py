"""Writers that turn sentinel's records into text, JSON, SARIF and the digest."""
