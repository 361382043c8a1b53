"""minified-code: a dense, very long line of code added to an otherwise readable source file.

What: an added line of at least `max_line_length` characters that is code (many statement and
call tokens), in a file whose lines are otherwise short (median below `normal_median`) and which is
not a build artefact by name or folder (*.min.*, dist/, vendor/...).
Why it matters: hiding a payload on one long line is the cheapest obfuscation: diff viewers wrap or
truncate it and reviewers skim it (the event-stream/flatmap-stream payload shipped as minified
code; many npm droppers append one long line to index.js).
False positives: long data lines (lookup tables, long strings, SQL) lack statement density and are
skipped; generated bundles committed under dist/ or named *.min.* are skipped by name.
ATT&CK: T1027.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, added_lines, matches_any, snippet

_CODE_TOKENS = re.compile(
    r";|\)\s*\{|=>|\bfunction\b|\breturn\b|\bvar\b|\blet\b|\bconst\b|\bif\s*\(|\bdef\b|\bimport\b|\beval\b"
)

SCRIPT_EXTENSIONS = (
    ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".py", ".php", ".rb", ".pl", ".sh", ".bash", ".ps1",
    ".lua", ".go", ".java", ".cs", ".c", ".h", ".cc", ".cpp",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    max_line_length: int = 500
    normal_median: int = 80  # the rest of the file must look hand-written
    min_file_lines: int = 10
    min_code_tokens: int = 15
    skip: tuple[str, ...] = (
        "*.min.*", "*-min.*", "*.bundle.*", "*.packed.*", "*.prod.*", "dist/*", "*/dist/*", "build/*",
        "*/build/*", "vendor/*", "*/vendor/*", "node_modules/*", "*/node_modules/*", "third_party/*",
        "*/third_party/*", "*.pb.go", "*_pb2.py", "*.generated.*",
    )  # fmt: skip


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    if not file.path.lower().endswith(SCRIPT_EXTENSIONS) or matches_any(file.path, options.skip):
        return
    long_lines = [(n, t) for n, t in added_lines(file) if len(t) >= options.max_line_length]
    if not long_lines:
        return
    lengths = [len(t) for t in file.lines() if t.strip()]
    if len(lengths) < options.min_file_lines or statistics.median(lengths) >= options.normal_median:
        return  # the whole file is dense: generated or minified on purpose, judged by name above
    for number, text in long_lines:
        tokens = len(_CODE_TOKENS.findall(text))
        if tokens >= options.min_code_tokens:
            detail = f"{len(text)}-char line with {tokens} statement tokens in a file of short lines"
            yield Hit(line=number, detail=detail, snippet=snippet(text))
