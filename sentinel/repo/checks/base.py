"""What every Python check shares: the Hit it yields, the spec the registry holds, line helpers.

A check is a plain function `scan(file, options) -> Iterable[Hit]` plus a frozen dataclass of its
thresholds (`options`). It sees one ChangedFile at a time and yields hits only on added lines (or a
whole-file hit with `line=None` for binaries); run_checks turns hits into Findings with the
metadata from rules/checks.yaml.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sentinel.model import Severity
from sentinel.repo.changes import ChangedFile

SNIPPET_CHARS = 200

# Source files where invisible or look-alike characters change what code means. Prose, translations
# and data files legitimately carry RTL marks, joiners and foreign scripts.
CODE_EXTENSIONS = (
    ".py", ".pyi", ".pyx", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".go",
    ".java", ".kt", ".kts", ".scala", ".groovy", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh",
    ".m", ".mm", ".cs", ".fs", ".vb", ".php", ".rb", ".rs", ".swift", ".sh", ".bash", ".zsh", ".ps1",
    ".pl", ".pm", ".lua", ".r", ".dart", ".sol", ".vue", ".svelte", ".sql", ".gradle", ".cmake",
    ".m4", ".mk", ".yml", ".yaml", ".toml", ".tf",
)  # fmt: skip
CODE_NAMES = ("Makefile", "GNUmakefile", "Dockerfile", "Jenkinsfile", "CMakeLists.txt", "configure.ac")


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """One thing a check found; line None means the whole file."""

    line: int | None
    detail: str
    end_line: int | None = None
    snippet: str = ""
    severity: Severity | None = None  # None: the check's configured severity


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A registry entry: the options dataclass and the scan function that takes it."""

    options: type[Any]
    scan: Callable[[ChangedFile, Any], Iterable[Hit]]


def is_code(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name in CODE_NAMES or name.lower().endswith(CODE_EXTENSIONS)


def matches_any(path: str, globs: Iterable[str]) -> bool:
    """fnmatch against the whole path and the file name, so `*.min.js` and `dist/*` both work."""
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(name, g) for g in globs)


def added_lines(file: ChangedFile) -> Iterator[tuple[int, str]]:
    """(line number, text) of each added line, in order."""
    if file.is_binary or not file.added:
        return
    for number, text in enumerate(file.lines(), start=1):
        if number in file.added:
            yield number, text


def snippet(text: str) -> str:
    text = text.strip()
    return text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1] + "…"
