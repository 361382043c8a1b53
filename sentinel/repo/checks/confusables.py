"""confusable-identifier: Latin words with look-alike letters from other scripts.

What: a word on an added line of source code that is mostly ASCII Latin but contains Cyrillic,
Greek, Armenian or fullwidth letters that render like Latin ones ("admin" spelled with Cyrillic
U+0430, "isAdmin" with Ukrainian U+0456). Two names then look identical but are different variables,
functions or imports (CVE-2021-42694 "homoglyph" attacks; homoglyph package names).
Why it matters: a check against `isAdmin` can be routed to a look-alike the insider controls.
False positives: real words in Russian/Greek text are mostly non-Latin and are skipped, as are
scientific names mixing symbols that do not imitate Latin letters (Δt, μs, αβ).
ATT&CK: T1036 (Masquerading), T1027.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, added_lines, is_code, snippet

# Letters that render exactly like Latin ones in common fonts (a subset of Unicode's
# confusables.txt). Greek lowercase letters used as maths symbols (α, ν, ρ, τ, κ) are left out:
# `kα` and `tν` are physics, not imitation; omicron has no such use.
HOMOGLYPHS = frozenset(
    "аеорсухіјѕԁԛԝһӏԍүАВЕКМНОРСТУХЅІЈԚԜҮӀ"  # Cyrillic
    "οΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"  # Greek
    "օսոցհ"  # Armenian
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    min_latin_share: float = 0.5  # the word must be at least this Latin to be an imitation


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    if not is_code(file.path):
        return
    for number, text in added_lines(file):
        if text.isascii():
            continue
        for word in _WORD.findall(text):
            found = _imitation(word, options.min_latin_share)
            if found:
                names = ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in found)
                yield Hit(line=number, detail=f"{word!r} mixes Latin with {names}", snippet=snippet(text))
                break


def _imitation(word: str, min_latin_share: float) -> list[str]:
    latin = sum(1 for c in word if c.isascii() and c.isalpha())
    fullwidth = [c for c in word if "\uff21" <= c <= "\uff3a" or "\uff41" <= c <= "\uff5a"]
    foreign = [c for c in word if c in HOMOGLYPHS]
    letters = sum(1 for c in word if c.isalpha())
    if not latin or not (foreign or fullwidth) or latin < min_latin_share * letters:
        return []
    return sorted(set(foreign + fullwidth))
