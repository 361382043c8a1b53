"""Path globs for sensitive and generated paths: `**/` spans directories, `*` and `?`
stay within one, matching is case-insensitive against repo-relative paths."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def to_regex(glob: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


@lru_cache(maxsize=256)
def compile_globs(globs: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern matching any of `globs`, with each glob as a named alternative."""
    if not globs:
        return None
    return re.compile("|".join(f"(?:{to_regex(g)})" for g in globs), re.IGNORECASE)


def matches(pattern: re.Pattern[str] | None, path: str) -> bool:
    return pattern is not None and pattern.fullmatch(path) is not None


def first_match(globs: Iterable[str], path: str) -> str | None:
    """The first glob matching `path` (for messages)."""
    return next((g for g in globs if matches(compile_globs((g,)), path)), None)
