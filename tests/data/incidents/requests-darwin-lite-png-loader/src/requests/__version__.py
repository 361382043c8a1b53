# Incident: requests-darwin-lite (PyPI, May 2024); version metadata read by setup.py.
# Reference: https://blog.phylum.io/pypi-malware-hides-in-png-targets-macos/
# Reproduction (own code, placeholder host).
__title__ = "requests"
__description__ = "Python HTTP for Humans."
__version__ = "2.27.1"
__author__ = "Kenneth Reitz"
__license__ = "Apache 2.0"
