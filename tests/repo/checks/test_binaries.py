"""binary-executable and compressed-file: (path, content, expected severity or None)."""

from __future__ import annotations

import gzip
import io
import lzma
import struct
import zipfile

import pytest

from sentinel.model import Severity
from tests.repo.checks.helpers import findings

ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"\x00" * 200
PE = b"MZ" + bytes(0x3A) + struct.pack("<I", 0x80) + bytes(0x80 - 0x40) + b"PE\x00\x00" + bytes(200)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)
XZ = lzma.compress(b"####Hello####" + bytes(range(256)) * 4)
GZ = gzip.compress(b"payload" * 100)


def _zip(names: tuple[str, ...]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


EXECUTABLES = [
    ("tests/files/good-large_compressed.lzma", ELF, Severity.HIGH),  # ELF hiding behind a data name
    ("src/liblzma/check/crc64_fast.o", ELF, Severity.HIGH),
    ("tests/fixtures/helper.dll", PE, Severity.HIGH),
    ("prebuilds/linux-x64/addon.node", ELF, Severity.MEDIUM),  # shipped prebuilt, by design
    ("npm/esbuild-linux-64/bin/esbuild", ELF, Severity.MEDIUM),  # an extensionless Unix executable
    ("src/pkg/__pycache__/mod.cpython-311.pyc", b"\xa7\r\r\n" + bytes(64), Severity.MEDIUM),  # hygiene
    # Legitimate: an image, and a text file that merely starts with "MZ".
    ("docs/logo.png", PNG, None),
    ("notes/MZ-800.txt", b"MZ-800 emulator notes\nline two\n", None),
]

ARCHIVES = [
    ("tests/files/bad-3-corrupt_lzma2.xz", XZ, Severity.MEDIUM),
    ("tests/data/notes.txt", GZ, Severity.HIGH),  # compressed bytes behind a text name
    ("tests/data/sample.bin", XZ, Severity.MEDIUM),
    ("tests/data/arrays.npz", _zip(("a.npy",)), Severity.MEDIUM),  # numpy's format is a zip
    ("tests/files/README.md", XZ, Severity.HIGH),
    # Legitimate: office documents and the Gradle wrapper are zips underneath; images are not archives.
    ("tests/data/report.docx", _zip(("word/document.xml",)), None),
    ("gradle/wrapper/gradle-wrapper.jar", _zip(("META-INF/MANIFEST.MF",)), None),
    ("docs/logo.png", PNG, None),
    ("tests/files/payload.so", ELF, None),  # executables belong to binary-executable
]


@pytest.mark.parametrize(("path", "content", "expected"), EXECUTABLES)
def test_binary_executables(path: str, content: bytes, expected: Severity | None) -> None:
    found = findings("binary-executable", path, content)
    assert [f.severity for f in found] == ([expected] if expected else [])
    assert all(f.line is None for f in found)  # whole-file findings


@pytest.mark.parametrize(("path", "content", "expected"), ARCHIVES)
def test_compressed_files(path: str, content: bytes, expected: Severity | None) -> None:
    found = findings("compressed-file", path, content)
    assert [f.severity for f in found] == ([expected] if expected else [])
    assert all(f.line is None and f.category == "obfuscation" for f in found)
