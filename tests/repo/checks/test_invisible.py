"""unicode-invisible-char: (path, payload, expected severity or None) with real look-alikes."""

from __future__ import annotations

import pytest

from sentinel.model import Severity
from tests.repo.checks.helpers import findings

ZWSP, ZWNJ, ZWJ, HANGUL_FILLER, VS16 = "\u200b", "\u200c", "\u200d", "\u3164", "\ufe0f"
HIDDEN = "".join(chr(0xFE00 + (b % 16)) for b in b"eval(atob(payload))")  # GlassWorm-style

CASES = [
    ("src/auth.js", f"if (is{ZWNJ}Admin(user)) {{\n", Severity.HIGH),
    ("src/auth.php", f"if (is_{ZWSP}admin($user)) {{\n", Severity.HIGH),
    # Python has no identifier that can hold a ZWSP: a string or a comment, reported for review.
    ("src/auth.py", f"# see is_{ZWSP}admin in the docs\n", Severity.LOW),
    ("server.js", f"const {{ timeout,{HANGUL_FILLER} }} = req.query;\n", Severity.HIGH),
    ("app.py", f"{HANGUL_FILLER} = __import__('os').system\n", Severity.HIGH),
    ("extension.js", f"const s = `{HIDDEN}`;\n", Severity.CRITICAL),
    # A literal ZWSP in code that strips them: reported, but only for review.
    ("text/clean.py", f'text = text.replace("{ZWSP}", "")\n', Severity.LOW),
    # Emoji ZWJ sequence, Persian word with a ZWNJ, keycap, England flag: legitimate.
    ("ui/emoji.js", f'const family = "👨{ZWJ}👩{ZWJ}👧";\n', None),
    ("i18n/fa.py", f'WANT = "می{ZWNJ}خواهم"\n', None),
    ("ui/keys.ts", f'const one = "1{VS16}\u20e3";\n', None),
    (
        "ui/flags.ts",
        'const england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f";\n',
        None,
    ),
    # A byte-order mark at the very start of a file is an encoding marker.
    ("legacy/mod.py", "\ufeffimport os\n", None),
    # Documentation is not code.
    ("README.md", f"Use the is{ZWSP}admin helper.\n", None),
]


@pytest.mark.parametrize(("path", "payload", "expected"), CASES)
def test_invisible_characters(path: str, payload: str, expected: Severity | None) -> None:
    found = findings("unicode-invisible-char", path, payload)
    assert [f.severity for f in found] == ([expected] if expected else [])
    if found:
        assert found[0].line == 1
        assert ZWSP not in found[0].snippet
