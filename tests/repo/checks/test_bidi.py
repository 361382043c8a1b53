"""unicode-bidi-control: (path, payload, should_flag) with real look-alikes."""

from __future__ import annotations

import pytest

from sentinel.model import Severity
from tests.repo.checks.helpers import findings

RLO, LRI, PDI, RLM = "\u202e", "\u2066", "\u2069", "\u200f"

CASES = [
    # Trojan Source "commenting-out": the return looks like it is inside the comment.
    ("src/auth.js", f"/* {RLO}{LRI}}} {PDI}{LRI}if (isAdmin){PDI} begin admins only */\n", True),
    ("auth.py", f'access_level = "user{RLO} {LRI}# Check if admin{PDI} {LRI}"\n', True),
    ("main.go", f'\tif accessLevel != "user{RLO} {LRI}// Check if admin{PDI} {LRI}" {{\n', True),
    # Arabic UI string with a right-to-left MARK (not an override): legitimate.
    ("ui/labels.py", f'GREETING = "{RLM}مرحبا بالعالم"\n', False),
    # The same override written as an escape sequence is visible to reviewers.
    ("src/bidi.py", 'RLO = "\\u202e"  # used by the renderer tests\n', False),
    # Prose is not code: a translation file may carry embeddings.
    ("locale/ar/messages.po", f'msgstr "{RLO}نص{PDI}"\n', False),
]


@pytest.mark.parametrize(("path", "payload", "should_flag"), CASES)
def test_bidi_controls(path: str, payload: str, should_flag: bool) -> None:
    found = findings("unicode-bidi-control", path, payload)
    assert bool(found) is should_flag
    if should_flag:
        assert found[0].line == 1
        assert found[0].severity is Severity.HIGH
        assert "U+202E" in found[0].message
        assert "\u202e" not in found[0].snippet  # shown escaped, so the report cannot be reordered
