"""confusable-identifier: (path, payload, should_flag) with real look-alikes."""

from __future__ import annotations

import pytest

from tests.repo.checks.helpers import findings

CASES = [
    ("auth.py", "if us\u0435r.is_admin:\n", True),  # Cyrillic e
    ("auth.py", "def \u0440\u0430ssword_ok(pw):\n", True),  # Cyrillic r and a
    ("app.js", "const isAdm\u0456n = () => true;\n", True),  # Ukrainian i
    ("main.go", "func Ch\u03bfckToken(t string) bool {\n", True),  # Greek omicron
    ("api.ts", "import { v\uff41lidate } from './auth';\n", True),  # fullwidth a
    # Real non-English text and scientific symbols: legitimate.
    ("i18n.py", 'GREETING = "Привет, мир"\n', False),
    ("physics.py", "\u0394t = 0.1  # seconds\n", False),
    ("units.py", "distance_\u03bcm = 3\n", False),
    ("xray.py", "energy_k\u03b1 = 8.04  # keV\n", False),  # K-alpha line
    ("i18n.js", 'const lang = "Ελληνικά";\n', False),
    ("i18n.py", 'LABEL = "Windows-приложение"\n', False),
    # Prose files are not scanned.
    ("docs/index.md", "The \u0430dmin page.\n", False),
]


@pytest.mark.parametrize(("path", "payload", "should_flag"), CASES)
def test_confusable_identifiers(path: str, payload: str, should_flag: bool) -> None:
    found = findings("confusable-identifier", path, payload)
    assert bool(found) is should_flag
    if should_flag:
        assert found[0].line == 1
        assert "U+" in found[0].message
