"""encoded-blob: long encoded literals (base64, hex, escapes, char codes) added to code.

What: on added lines, a base64 run of `min_base64` chars, a hex run of `min_hex`, `min_escapes`
`\\xNN` escapes in a row, a `String.fromCharCode(...)`/`chr(...)` chain or a number array that
decodes to printable text. The blob is decoded when possible: compressed data, executables or
script text inside it raise the finding to `payload_severity`.
Why it matters: backdoors hide their second stage as an opaque literal decoded at run time
(event-stream's flatmap-stream AES blob, countless PyPI `exec(base64...)` droppers, xz's
disguised test data).
False positives: images and fonts (PNG/JPEG/GIF/WOFF/PDF after decoding), data: URIs for
images, inline source maps, lockfile integrity hashes (short) and low-entropy tables are skipped;
a long random token in a test is reported at the configured (review) severity.
ATT&CK: T1027, T1140 (Deobfuscate/Decode Files or Information).
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.model import Severity
from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, added_lines, matches_any, snippet

_BASE64 = re.compile(r"[A-Za-z0-9+/_-]{40,}={0,2}")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2}){20,}")
_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2}|\\u00[0-9a-fA-F]{2}|\\[0-7]{3}){8,}")
_CHARCODE = re.compile(r"fromCharCode\s*\(([\d\s,x+a-fA-F]+)\)")
_CHR = re.compile(r"\bchr\s*\(\s*(\d+|0x[0-9a-fA-F]+)\s*\)")
_NUMBERS = re.compile(r"[\[({]\s*((?:-?\d+\s*,\s*){15,}-?\d+)\s*,?\s*[\])}]")
_DATA_URI = re.compile(r"data:(image|font|audio|video)/[\w.+-]+;base64,|sourceMappingURL=data:", re.I)

# Magic numbers of harmless media: decoded images/fonts are not payloads. WebAssembly is left at
# the review severity too: undici and other HTTP stacks inline their wasm parsers as base64.
_MEDIA = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"wOFF", b"wOF2", b"%PDF", b"OTTO", b"\x00\x01\x00\x00", b"RIFF",
)  # fmt: skip
_PAYLOAD_MAGIC = {
    b"\x1f\x8b": "gzip data",
    b"\xfd7zXZ\x00": "xz data",
    b"BZh": "bzip2 data",
    b"(\xb5/\xfd": "zstd data",
    b"PK\x03\x04": "zip archive",
    b"\x7fELF": "ELF executable",
    b"MZ": "Windows executable",
    b"\xcf\xfa\xed\xfe": "Mach-O executable",
    b"\xca\xfe\xba\xbe": "Mach-O/Java class",
    b"x\x9c": "zlib data",
    b"x\xda": "zlib data",
    b"x\x01": "zlib data",
}
_SCRIPT = re.compile(
    rb"\b(eval|exec|import\s+\w|__import__|\.system\s*\(|require\s*\(|child_process|subprocess|os\.system|/bin/(ba)?sh|powershell"
    rb"|socket\.|XMLHttpRequest|fetch\s*\(|Function\s*\()",
    re.I,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    min_base64: int = 200
    min_base64_entropy: float = 4.5  # bits per character; random base64 is ~6, English ~4.2
    min_hex: int = 200
    min_hex_entropy: float = 3.0
    min_escapes: int = 40
    min_charcodes: int = 12
    payload_severity: Severity = Severity.HIGH
    skip: tuple[str, ...] = ("*.lock", "package-lock.json", "*.map", "*.svg", "*.ipynb", "*.pem", "*.crt")


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    if matches_any(file.path, options.skip):
        return
    for number, text in added_lines(file):
        hit = _line(text, options)
        if hit is not None:
            detail, payload = hit
            severity = options.payload_severity if payload else None
            yield Hit(line=number, detail=detail, snippet=snippet(text), severity=severity)


def _line(text: str, options: Options) -> tuple[str, bool] | None:
    """(what was found, decoded to a payload?) for the first blob on the line, or None."""
    if len(text) >= options.min_base64 and not _DATA_URI.search(text):
        for match in _BASE64.finditer(text):
            run = match.group()
            if len(run) >= options.min_base64 and entropy(run) >= options.min_base64_entropy:
                if _HEX.fullmatch(run.rstrip("=")):
                    break  # all-hex: handled below with hex thresholds
                return _judge(f"{len(run)}-char base64 literal", _b64decode(run))
    if len(text) >= options.min_hex:
        for match in _HEX.finditer(text):
            run = match.group()
            if len(run) >= options.min_hex and entropy(run) >= options.min_hex_entropy:
                return _judge(f"{len(run)}-char hex literal", binascii.unhexlify(run))
    escapes = max((m.group() for m in _ESCAPES.finditer(text)), key=len, default="")
    if escapes.count("\\") >= options.min_escapes:
        return _judge(f"{escapes.count(chr(92))} escaped bytes in a row", _unescape(escapes))
    for match in _CHARCODE.finditer(text):
        codes = _ints(match.group(1))
        if len(codes) >= options.min_charcodes:
            return _judge(f"String.fromCharCode with {len(codes)} codes", _chars(codes))
    chrs = [int(c, 0) for c in _CHR.findall(text)]
    if len(chrs) >= options.min_charcodes:
        return _judge(f"chr() chain of {len(chrs)} characters", _chars(chrs))
    for match in _NUMBERS.finditer(text):
        codes = _ints(match.group(1))
        if not all(0 <= c < 256 for c in codes):
            continue  # values beyond a byte: a lookup table, not text
        decoded = _chars(codes)
        if len(codes) >= max(options.min_charcodes, 16) and _texty(decoded):
            return _judge(f"array of {len(codes)} character codes", decoded)
    return None


def _judge(what: str, data: bytes | None) -> tuple[str, bool] | None:
    if data is None:
        return what, False
    if data.startswith(_MEDIA):
        return None
    for magic, kind in _PAYLOAD_MAGIC.items():
        if data.startswith(magic):
            return f"{what} decoding to {kind}", True
    if _SCRIPT.search(data[:4096]):
        return f"{what} decoding to script text", True
    return what, False


def entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(text)
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def _b64decode(run: str) -> bytes | None:
    padded = run + "=" * (-len(run) % 4)
    try:
        if "-" in run or "_" in run:
            return base64.urlsafe_b64decode(padded)
        return base64.b64decode(padded)
    except (binascii.Error, ValueError):
        return None


def _unescape(run: str) -> bytes:
    out = bytearray()
    for token in re.findall(r"\\x([0-9a-fA-F]{2})|\\u00([0-9a-fA-F]{2})|\\([0-7]{3})", run):
        hex_a, hex_b, octal = token
        out.append(int(hex_a or hex_b, 16) if (hex_a or hex_b) else int(octal, 8) & 0xFF)
    return bytes(out)


def _ints(text: str) -> list[int]:
    values = []
    for part in re.split(r"[\s,+]+", text.strip()):
        try:
            values.append(int(part, 0))
        except ValueError:
            continue
    return values


def _chars(codes: list[int]) -> bytes:
    return bytes(c for c in codes if 0 <= c < 256)


def _texty(data: bytes) -> bool:
    # Character codes spell text: nearly all printable ASCII, mostly letters and spaces.
    if not data:
        return False
    printable = sum(1 for b in data if 32 <= b < 127 or b in (9, 10, 13))
    letters = sum(1 for b in data if chr(b).isalpha() or b == 32)
    return printable / len(data) >= 0.95 and letters / len(data) >= 0.6
