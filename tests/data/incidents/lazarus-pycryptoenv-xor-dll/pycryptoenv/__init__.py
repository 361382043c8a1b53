# Incident: PyPI pycryptoenv, pycryptoconf, quasarlib and swapmempool, reported by JPCERT/CC
# in February 2024 and attributed to Lazarus. Near-copies of a crypto helper whose import
# pulled in test.py; that decoded a DLL hidden with XOR in a file named like a Python
# module (gzip.py) and ran it in memory, a loader for the Comebacker malware.
# Reference: https://blogs.jpcert.or.jp/en/2024/02/lazarus_pypi.html
# Reproduction (own code; the encoded payload file itself is left out).
from .crypto import decrypt, encrypt  # noqa: F401
from . import test  # noqa: F401

__version__ = "0.1.7"
