"""File-type sniffing shared by the binary and archive checks: magic numbers, not extensions."""

from __future__ import annotations

EXECUTABLE_EXTENSIONS = (
    ".so", ".dll", ".dylib", ".exe", ".o", ".obj", ".a", ".lib", ".pyc", ".pyo", ".class", ".node",
    ".wasm", ".elf", ".bin", ".sys", ".scr", ".com",
)  # fmt: skip
ARCHIVE_EXTENSIONS = (
    ".xz", ".lzma", ".gz", ".tgz", ".bz2", ".zst", ".zip", ".7z", ".rar", ".tar", ".lz4", ".jar",
    ".war", ".whl", ".egg", ".apk", ".deb", ".rpm", ".cab", ".z", ".lz",
)  # fmt: skip
# Names that promise readable text, source code or an image: compressed or compiled bytes behind
# one of these are hiding.
READABLE_EXTENSIONS = (
    ".txt", ".md", ".rst", ".py", ".js", ".ts", ".json", ".xml", ".yml", ".yaml", ".toml", ".ini",
    ".cfg", ".conf", ".csv", ".tsv", ".html", ".htm", ".css", ".c", ".h", ".cc", ".cpp", ".go", ".rs",
    ".java", ".rb", ".php", ".sh", ".pl", ".m4", ".am", ".ac", ".in", ".mk", ".cmake", ".png", ".jpg",
    ".jpeg", ".gif", ".bmp", ".ico", ".svg", ".webp", ".pem", ".log",
)  # fmt: skip
# Formats that are zip files underneath but are documents, not archives of code.
DOCUMENT_EXTENSIONS = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".xpi", ".kmz", ".3mf")


def executable_kind(data: bytes) -> str | None:
    """What kind of native or byte code `data` is, or None."""
    if data.startswith(b"\x7fELF"):
        return "ELF executable/library"
    if data.startswith(b"MZ") and _pe(data):
        return "Windows PE executable/DLL"
    if data[:4] in (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe"):
        return "Mach-O executable/library"
    if data.startswith(b"\xca\xfe\xba\xbe"):
        # Java class files and Mach-O fat binaries share this magic; both are compiled code.
        return "Java class or Mach-O universal binary"
    if data.startswith(b"\x00asm"):
        return "WebAssembly module"
    if data.startswith(b"!<arch>\n") and b"debian-binary" not in data[:80]:
        return "static library (ar archive)"
    return None


def archive_kind(data: bytes) -> str | None:
    """What kind of compressed or archive data `data` is, or None."""
    for magic, kind in _ARCHIVES:
        if data.startswith(magic):
            return kind
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar archive"
    return None


_ARCHIVES = (
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x5d\x00\x00", "lzma"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"(\xb5/\xfd", "zstd"),
    (b"PK\x03\x04", "zip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x04\x22\x4d\x18", "lz4"),
    (b"!<arch>\ndebian-binary", "deb"),
    (b"\xed\xab\xee\xdb", "rpm"),
    (b"MSCF", "cab"),
)


def _pe(data: bytes) -> bool:
    # A real PE has "PE\0\0" at the offset stored at 0x3C; plain text starting with "MZ" does not.
    if len(data) < 0x40:
        return False
    offset = int.from_bytes(data[0x3C:0x40], "little")
    return data[offset : offset + 4] == b"PE\x00\x00"
