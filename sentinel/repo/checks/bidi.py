"""unicode-bidi-control: Trojan Source bidirectional overrides and isolates in code.

What: U+202A-U+202E (embeddings/overrides) and U+2066-U+2069 (isolates) on added lines of source
files. They make editors and review tools display code in a different order than the compiler
reads it, e.g. a `return` that looks like it sits inside a comment (CVE-2021-42574).
Why it matters: a reviewer approves what they see; the compiler runs something else.
False positives: RTL text inside string literals of code that renders Arabic/Hebrew; prose and
translation files are not scanned. The marks U+200E/U+200F/U+061C are not reported.
ATT&CK: T1027 (Obfuscated Files or Information), T1195.002.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, added_lines, is_code, snippet

CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    code_only: bool = True


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    if options.code_only and not is_code(file.path):
        return
    for number, text in added_lines(file):
        found = sorted({c for c in text if c in CONTROLS})
        if found:
            names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c)}" for c in found)
            yield Hit(line=number, detail=names, snippet=snippet(_visible(text)))


def _visible(text: str) -> str:
    # Show the controls as escapes so the snippet itself cannot reorder the report.
    return "".join(f"<U+{ord(c):04X}>" if c in CONTROLS else c for c in text)
