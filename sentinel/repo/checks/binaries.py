"""binary-executable: native or byte code (ELF, PE, Mach-O, .class, .pyc, wasm) added to the tree.

What: a changed file whose content is compiled code, found by magic number (or by a compiled-code
extension). Whole-file finding: line is None.
Why it matters: a reviewer cannot read a binary; a prebuilt object in the source or test tree can
be linked or loaded by the build. The xz-utils backdoor (CVE-2024-3094) shipped its object code
inside "test files"; malicious packages ship .so/.dll/.node droppers.
False positives: packages that vendor prebuilt binaries (prebuilds/, native/, bin/) by design;
those are reported at `elsewhere_severity`; the configured severity applies to binaries under test,
fixture, doc and source folders, and to any binary whose name hides its type (e.g. a .txt or .xz
that is really ELF).
ATT&CK: T1027.009 (Embedded Payloads), T1195.002.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.model import Severity
from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit
from sentinel.repo.checks.magic import EXECUTABLE_EXTENSIONS, executable_kind

# Folders where a binary is the odd one out: tests, fixtures, docs and source.
_SUSPECT_DIRS = re.compile(
    r"(^|/)(tests?|testing|testdata|test-?files|fixtures?|spec|docs?|src|lib|m4|build-aux)/", re.I
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    elsewhere_severity: Severity = Severity.MEDIUM


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    kind = executable_kind(file.content[:4096])
    by_name = file.path.lower().endswith(EXECUTABLE_EXTENSIONS)
    if kind is None and not (by_name and file.is_binary):
        return
    base = file.path.rsplit("/", 1)[-1]
    # Unix executables have no extension (bin/esbuild); a .lzma or .txt holding ELF is hiding.
    disguised = kind is not None and not by_name and "." in base.lstrip(".")
    detail = f"{kind} disguised as {base!r}" if disguised else kind or "compiled file"
    # A committed __pycache__ is hygiene, not a hidden payload.
    suspect = disguised or (bool(_SUSPECT_DIRS.search(file.path)) and "__pycache__/" not in file.path)
    yield Hit(line=None, detail=detail, severity=None if suspect else options.elsewhere_severity)
