"""unicode-invisible-char: zero-width and other invisible characters inside code.

What: zero-width space/joiners, word joiner, invisible math operators, Hangul fillers, Mongolian
vowel separator, mid-file BOMs, tag characters and variation selectors on added lines of source
files. Inside an identifier they make two names that look identical differ (CVE-2021-42694's
"invisible character" attacks); long runs of variation selectors or tag characters can carry a
whole hidden payload (the 2025 GlassWorm VS Code extensions; "ASCII smuggling").
Why it matters: review shows nothing, the interpreter sees a different name or extra data.
False positives: joiners and variation selectors inside emoji, Indic and Persian text (next to
non-ASCII characters) are skipped; a lone invisible character inside a string literal (e.g. code
that strips ZWSP) is reported at `elsewhere_severity`, not as an identifier attack.
ATT&CK: T1027, T1195.002.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.model import Severity
from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, added_lines, is_code, snippet

_INVISIBLE = (
    "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e\u3164\u115f\u1160\uffa0\u034f\u17b4\u17b5"
)
_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
_TAGS = "\U000e0000-\U000e007f"
_ANY = re.compile(f"[{_INVISIBLE}{_SELECTORS}{_TAGS}]+")
_IDENT = re.compile(r"[A-Za-z0-9_$]")
# Hangul fillers are letters to JS/Python/Go, so they can be a whole variable name on their own
# (the "invisible backdoor" trick: `const { timeout,\u3164 } = req.query; exec(\u3164)`).
_INVISIBLE_LETTERS = frozenset("\u3164\u115f\u1160\uffa0")
_KEYCAP = "\u20e3"
# Which invisible characters a language accepts inside identifiers. Elsewhere (in Python, Go,
# Rust...) a zero-width space between letters can only sit in a string or a comment: LOW.
_JS = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte")
_ANY_BYTES = (".php", ".rb")  # PHP and Ruby take any non-ASCII byte as an identifier character
_BLACK_FLAG = "\U0001f3f4"  # subdivision flags are U+1F3F4 followed by tag characters


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    run_length: int = 4  # this many in a row is an encoded payload, not a typo
    run_severity: Severity = Severity.CRITICAL
    elsewhere_severity: Severity = Severity.LOW


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    if not is_code(file.path):
        return
    for number, text in added_lines(file):
        for match in _ANY.finditer(text):
            start, end = match.span()
            if number == 1 and start == 0 and match.group() == "\ufeff":
                continue  # a byte-order mark at the start of the file is an encoding marker
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            run = match.group()
            names = ", ".join(sorted({f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in run}))
            shown = snippet(_ANY.sub(lambda m: f"<{len(m.group())} invisible>", text))
            if _flag_tags(run, before):
                continue
            if len(run) >= options.run_length:
                detail = f"{len(run)} invisible characters in a row ({names})"
                yield Hit(line=number, detail=detail, snippet=shown, severity=options.run_severity)
            elif _legit_sequence(run, before, after):
                continue
            elif _INVISIBLE_LETTERS & set(run) or (
                _IDENT.match(before) and _IDENT.match(after) and _identifier_char(file.path, run)
            ):
                yield Hit(line=number, detail=f"inside or as an identifier: {names}", snippet=shown)
            else:
                yield Hit(line=number, detail=names, snippet=shown, severity=options.elsewhere_severity)
            break  # one hit per line is enough to send a reviewer there


def _identifier_char(path: str, run: str) -> bool:
    name = path.lower()
    if name.endswith(_ANY_BYTES):
        return True
    return name.endswith(_JS) and set(run) <= {"\u200c", "\u200d"}


def _flag_tags(run: str, before: str) -> bool:
    # Subdivision flags (England, Scotland, Wales) are U+1F3F4 + up to 7 tag characters.
    return before == _BLACK_FLAG and len(run) <= 8 and all("\U000e0000" <= c <= "\U000e007f" for c in run)


def _legit_sequence(run: str, before: str, after: str) -> bool:
    # Emoji ZWJ sequences, variation selectors and Indic/Persian joiners sit between non-ASCII
    # characters; keycaps (1️⃣) put a selector between a digit and U+20E3.
    if after == _KEYCAP:
        return True
    if all("\U000e0000" <= c <= "\U000e007f" for c in run):
        return False
    return bool(before) and not before.isascii()
