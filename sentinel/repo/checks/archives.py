"""compressed-file: compressed data or archives (xz, gzip, zip, 7z, ...) added to the tree.

What: a changed file whose content is compressed or an archive, by magic number. Whole-file
finding: line is None. A file whose name claims text, an image or source code while its bytes are
compressed is raised to `disguised_severity` (model and data formats that are zips, like .npz or
.pt, are not "disguised").
Why it matters: the xz-utils backdoor hid its stages in `tests/files/bad-3-corrupt_lzma2.xz` and
`good-large_compressed.lzma`; opaque blobs in the tree are where payloads wait for a build step
to unpack them.
False positives: compression libraries' test corpora, Gradle wrapper jars, wheels used as test
data; office documents (zip underneath) are skipped.
ATT&CK: T1027.009, T1027.015 (Compression), T1195.002.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.model import Severity
from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, matches_any
from sentinel.repo.checks.magic import DOCUMENT_EXTENSIONS, READABLE_EXTENSIONS, archive_kind, executable_kind


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    disguised_severity: Severity = Severity.HIGH
    allow: tuple[str, ...] = ("gradle/wrapper/gradle-wrapper.jar", "*/gradle/wrapper/gradle-wrapper.jar")


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    name = file.path.lower()
    if name.endswith(DOCUMENT_EXTENSIONS) or matches_any(file.path, options.allow):
        return
    head = file.content[:4096]
    kind = archive_kind(head)
    if kind is None or executable_kind(head) is not None:
        return  # executables are binary-executable's business
    if not name.endswith(READABLE_EXTENSIONS):
        yield Hit(line=None, detail=f"{kind} data")
    else:
        detail = f"{kind} data disguised as {file.path.rsplit('/', 1)[-1]!r}"
        yield Hit(line=None, detail=detail, severity=options.disguised_severity)
