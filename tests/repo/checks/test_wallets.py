"""crypto-wallet-literal: (path, line, should_flag) with real look-alikes."""

from __future__ import annotations

import hashlib

import pytest

from sentinel.repo.checks.wallets import B58
from tests.repo.checks.helpers import findings


def _b58check(version: int, payload: bytes) -> str:
    raw = bytes([version]) + payload
    raw += hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    number = int.from_bytes(raw, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = B58[rest] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


TRON = _b58check(0x41, hashlib.sha256(b"tron").digest()[:20])
GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"  # the genesis block's P2PKH address
SOLANA = "7EYnhQoR9YM3N7UoaKRoA44Uy8JeaZV3qyouov87awMs"

CASES = [
    ("pay.py", f'FALLBACK = "{GENESIS}"\n', True),
    ("pay.js", 'const addr = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";\n', True),
    ("pay.go", f'\tdst := "{TRON}"\n', True),
    ("config.json", '  "payout": "0x52908400098527886E0F7030069857D2E4169EE7",\n', True),
    ("sol.ts", f'const solanaWallet = new PublicKey("{SOLANA}");\n', True),
    # Look-alikes: a genesis address with one character changed (bad checksum), a bech32 string
    # with a bad checksum, a git SHA, the zero address, a base58 id without Solana context.
    ("pay.py", f'FALLBACK = "{GENESIS[:-1]}b"\n', False),
    ("pay.js", 'const addr = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5";\n', False),
    ("release.py", 'COMMIT = "da39a3ee5e6b4b0d3255bfef95601890afd80709"\n', False),
    ("burn.sol", "address constant BURN = 0x0000000000000000000000000000000000000000;\n", False),
    ("ids.ts", f'const requestId = "{SOLANA}";\n', False),
    ("README.md", f"Donations: {GENESIS}\n", False),  # prose is not scanned
]


@pytest.mark.parametrize(("path", "text", "should_flag"), CASES)
def test_wallet_literals(path: str, text: str, should_flag: bool) -> None:
    found = findings("crypto-wallet-literal", path, text)
    assert bool(found) is should_flag
    if should_flag:
        assert found[0].category == "crypto-diversion"
