"""A git range -> the post-image of each changed file and its added lines.

Semantics are those of `git diff base...head`: only lines added between the
merge base and head. Renames and copies keep only their new lines, deletions
and submodules are ignored, oversized files are skipped and reported.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sentinel.repo.changes import ChangedFile, Skipped
from sentinel.repo.git import EMPTY_TREE, Repository

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_SUBMODULE = "160000"
_SYMLINK = "120000"
_C_ESCAPES = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13, b'"': 34, b"\\": 92}


@dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    files: tuple[ChangedFile, ...]
    skipped: tuple[Skipped, ...]
    base: str | None  # the "before" tree-ish diffed against (merge base, parent, or empty tree)
    head: str | None  # None when scanning the index


@dataclass(frozen=True, slots=True)
class _Entry:
    path: str
    old_path: str | None
    mode: str
    blob: str
    status: str


def range_changes(
    repo: Repository, before: str, head: str, *, max_bytes: int, exclude: Sequence[str]
) -> Changes:
    """Files changed from `before` (a commit or the empty tree) to `head`."""
    diff_args = ("-M", "-C", "--diff-filter=ACMRT", before, head)
    return _collect(repo, diff_args, before=before, head=head, max_bytes=max_bytes, exclude=exclude)


def staged_changes(repo: Repository, *, max_bytes: int, exclude: Sequence[str]) -> Changes:
    """Files changed in the index relative to HEAD (or to nothing, before the first commit)."""
    before = "HEAD" if repo.has_head() else EMPTY_TREE
    diff_args = ("--cached", "-M", "-C", "--diff-filter=ACMRT", before)
    return _collect(repo, diff_args, before=before, head=None, max_bytes=max_bytes, exclude=exclude)


def tree_changes(repo: Repository, head: str, *, max_bytes: int, exclude: Sequence[str]) -> Changes:
    """Every file at `head`, every line counted as added: a first-adoption scan."""
    return range_changes(repo, EMPTY_TREE, head, max_bytes=max_bytes, exclude=exclude)


def _collect(
    repo: Repository,
    diff_args: tuple[str, ...],
    *,
    before: str,
    head: str | None,
    max_bytes: int,
    exclude: Sequence[str],
) -> Changes:
    raw = repo.run("diff", "--raw", "-z", "--no-abbrev", *diff_args)
    entries = list(_parse_raw(raw))
    patch = repo.run(
        "diff", "-U0", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", *diff_args
    )
    added = _added_lines(patch)

    skipped: list[Skipped] = []
    wanted: list[_Entry] = []
    for entry in entries:
        reason = _skip_reason(entry, exclude)
        if reason:
            skipped.append(Skipped(path=entry.path, reason=reason))
        else:
            wanted.append(entry)
    sizes = _blob_sizes(repo, [e.blob for e in wanted])
    small = []
    for entry in wanted:
        if sizes.get(entry.blob, 0) > max_bytes:
            skipped.append(Skipped(path=entry.path, reason=f"larger than {max_bytes} bytes"))
        else:
            small.append(entry)
    contents = _blobs(repo, [e.blob for e in small])
    files = []
    for entry in small:
        content = contents[entry.blob]
        binary = b"\0" in content[:8000]  # git's own heuristic
        lines = (
            frozenset(range(1, content.count(b"\n") + 2)) if binary else added.get(entry.path, frozenset())
        )
        if not lines and not binary:
            continue  # a pure rename, or a mode change: nothing new to read
        files.append(
            ChangedFile(
                path=entry.path,
                content=content,
                added=lines,
                is_binary=binary,
                old_path=entry.old_path,
                status=entry.status[0],
            )
        )
    return Changes(files=tuple(files), skipped=tuple(skipped), base=before, head=head)


def _skip_reason(entry: _Entry, exclude: Sequence[str]) -> str:
    if entry.mode == _SUBMODULE:
        return "submodule"
    if entry.mode == _SYMLINK:
        return "symbolic link"
    if any(fnmatch.fnmatch(entry.path, pattern) for pattern in exclude):
        return "excluded by config"
    return ""


def _parse_raw(raw: bytes) -> Iterator[_Entry]:
    """Parse `git diff --raw -z`: `:old new oldsha newsha status NUL path [NUL path2] NUL`."""
    fields = raw.split(b"\0")
    i = 0
    while i < len(fields) - 1:
        meta = fields[i].decode("ascii").lstrip(":").split()
        _, new_mode, _, new_sha, status = meta
        if status[0] in "RC":
            old, new = fields[i + 1], fields[i + 2]
            i += 3
            yield _Entry(os.fsdecode(new), os.fsdecode(old), new_mode, new_sha, status)
        else:
            i += 2
            yield _Entry(os.fsdecode(fields[i - 1]), None, new_mode, new_sha, status)


def _added_lines(patch: bytes) -> dict[str, frozenset[int]]:
    """Map each post-image path in a -U0 patch to its added line numbers."""
    result: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in patch.split(b"\n"):
        if line.startswith(b"diff --git "):
            current = None
        elif line.startswith(b"+++ ") and current is None:
            target = _unquote(line[4:])
            if target.startswith(b"b/"):
                current = result.setdefault(os.fsdecode(target[2:]), set())
        elif current is not None and line.startswith(b"@@"):
            match = _HUNK.match(line)
            if match:
                start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
                current.update(range(start, start + count))
    return {path: frozenset(lines) for path, lines in result.items()}


def _unquote(name: bytes) -> bytes:
    """Undo git's C-style quoting of unusual file names ("a\\tb", octal escapes)."""
    name = name.rstrip(b"\t")  # git appends a tab after names containing spaces
    if not (name.startswith(b'"') and name.endswith(b'"')):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i : i + 1]
        if char == b"\\" and i + 1 < len(body):
            nxt = body[i + 1 : i + 2]
            if nxt.isdigit():
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_C_ESCAPES.get(nxt, nxt[0]))
            i += 2
            continue
        out += char
        i += 1
    return bytes(out)


def _blob_sizes(repo: Repository, blobs: Iterable[str]) -> dict[str, int]:
    unique = list(dict.fromkeys(blobs))
    if not unique:
        return {}
    out = repo.run("cat-file", "--batch-check", stdin="\n".join(unique).encode() + b"\n")
    sizes = {}
    for line in out.decode("ascii").splitlines():
        sha, _, size = line.split()
        sizes[sha] = int(size)
    return sizes


def _blobs(repo: Repository, blobs: Iterable[str]) -> dict[str, bytes]:
    """Read many blobs through one `git cat-file --batch` process."""
    unique = list(dict.fromkeys(blobs))
    if not unique:
        return {}
    out = repo.run("cat-file", "--batch", stdin="\n".join(unique).encode() + b"\n")
    contents, pos = {}, 0
    for sha in unique:
        header_end = out.index(b"\n", pos)
        _, _, size = out[pos:header_end].split()
        start = header_end + 1
        contents[sha] = out[start : start + int(size)]
        pos = start + int(size) + 1  # content is followed by a newline
    return contents
