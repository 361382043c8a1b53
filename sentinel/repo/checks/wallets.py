"""crypto-wallet-literal: a checksummed cryptocurrency address added to code or config.

What: literals that validate as a Bitcoin address (Base58Check P2PKH/P2SH, bech32/bech32m
segwit), a TRON address (Base58Check, version 0x41), an Ethereum/EVM address (0x + 40 hex, not the
zero address), a Monero address (95 characters, 4/8 prefix) or, when the line talks about Solana,
a Base58 string decoding to 32 bytes. Checksums are verified where the format has one, so random
base58 strings and hashes do not match.
Why it matters: payment-diversion backdoors carry the insider's wallet as a literal (event-stream
2018, the 2024 @solana/web3.js and 2025 npm chalk/debug compromises); a new address in a diff is
worth a look even when no rule sees it used as a destination (generic-crypto-wallet-destination
covers that case at HIGH).
False positives: wallet libraries' tests and docs, donation addresses in READMEs (prose files are
not scanned). MEDIUM for that reason.
ATT&CK: T1565.001 (Stored Data Manipulation), T1657 (Financial Theft).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, added_lines, is_code, matches_any, snippet

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_RUN = re.compile(r"(?<![\w])[1-9A-HJ-NP-Za-km-z]{26,95}(?![\w])")
_BECH32 = re.compile(r"(?<![\w])(bc1|tb1|BC1|TB1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}(?![\w])")
_EVM = re.compile(r"(?<![\w])0x[0-9a-fA-F]{40}(?![\w])")
_SOLANA_CONTEXT = re.compile(r"sol(ana)?\b|lamports|phantom|wallet", re.I)
_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    extra_files: tuple[str, ...] = ("*.json", "*.env", ".env", "*.ini", "*.cfg", "*.conf", "*.properties")


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    if not (is_code(file.path) or matches_any(file.path, options.extra_files)):
        return
    for number, text in added_lines(file):
        kind = classify_line(text)
        if kind:
            yield Hit(line=number, detail=kind, snippet=snippet(text))


def classify_line(text: str) -> str | None:
    """The first wallet address on the line, as 'KIND ADDRESS', or None."""
    for match in _BECH32.finditer(text):
        if bech32_valid(match.group()):
            return f"Bitcoin bech32 address {match.group()}"
    for match in _EVM.finditer(text):
        if int(match.group(), 16) != 0:
            return f"Ethereum/EVM address {match.group()}"
    for match in _B58_RUN.finditer(text):
        kind = base58_kind(match.group(), solana_context=bool(_SOLANA_CONTEXT.search(text)))
        if kind:
            return f"{kind} {match.group()}"
    return None


def base58_kind(word: str, *, solana_context: bool = False) -> str | None:
    if len(word) == 95 and word[0] in "48":
        return "Monero address"
    raw = b58decode(word)
    if raw is None:
        return None
    if len(raw) == 25 and hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]:
        version = raw[0]
        if version in (0x00, 0x05, 0x6F, 0xC4):
            return "Bitcoin address"
        if version == 0x41:
            return "TRON address"
    if solana_context and len(raw) == 32 and 32 <= len(word) <= 44:
        return "Solana address"
    return None


def b58decode(word: str) -> bytes | None:
    number = 0
    for char in word:
        index = B58.find(char)
        if index < 0:
            return None
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\x00" * (len(word) - len(word.lstrip("1"))) + body


def bech32_valid(address: str) -> bool:
    """BIP 173 / BIP 350 checksum (bech32 or bech32m) of a bc1/tb1 address."""
    if address.lower() != address and address.upper() != address:
        return False  # mixed case is invalid by definition
    address = address.lower()
    hrp, _, data = address.rpartition("1")
    if not hrp or len(data) < 6:
        return False
    values = [_BECH32_CHARSET.find(c) for c in data]
    if -1 in values:
        return False
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    return _polymod(expanded + values) in (1, 0x2BC830A3)


def _polymod(values: list[int]) -> int:
    generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            checksum ^= generator[i] if (top >> i) & 1 else 0
    return checksum
