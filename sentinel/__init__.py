"""sentinel: an insider-threat monitor for code, identities and workstations."""

__version__ = "0.1.0"
