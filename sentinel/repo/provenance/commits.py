"""Commit metadata for provenance: one `git log` pass parsed into CommitInfo.

A single subprocess lists every commit of a range with its identities, both
dates with their UTC offsets, its signature status and its numstat. Records
start with an RS byte and fields are NUL-separated (`-z`), so names and paths
with any bytes parse without quoting; names that are not UTF-8 are decoded
with replacement characters, paths with surrogateescape (as ChangedFile does).
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from sentinel.errors import GitError
from sentinel.model import CommitRef

log = logging.getLogger(__name__)

_RS = b"\x1e"
# sha, parents, author name/email/epoch/ISO-ish date, committer the same, signature status, key, signer.
_FIELDS = ("%H", "%P", "%an", "%ae", "%at", "%ai", "%cn", "%ce", "%ct", "%ci", "%G?", "%GK", "%GS")
_UNSIGNED_FIELDS = (*_FIELDS[:-3], "", "", "")


@dataclass(frozen=True, slots=True, kw_only=True)
class FileStat:
    """One numstat line: lines added and deleted, None for both on binary files."""

    path: str
    added: int | None
    deleted: int | None

    @property
    def is_binary(self) -> bool:
        return self.added is None


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitInfo:
    """What a commit says about who made it, when, where and how much."""

    sha: str
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    author_date: datetime  # carries the commit's own UTC offset
    committer_name: str
    committer_email: str
    committer_date: datetime
    signature: str = ""  # git's %G? letter (G, U, B, X, Y, R, E, N); "" when not verified
    signing_key: str = ""
    signer: str = ""  # the signature's identity (ssh principal or gpg user id)
    files: tuple[FileStat, ...] = ()

    @property
    def short(self) -> str:
        return self.sha[:12]

    @property
    def author(self) -> str:
        return f"{self.author_name} <{self.author_email}>"

    @property
    def committer(self) -> str:
        return f"{self.committer_name} <{self.committer_email}>"

    @property
    def author_offset(self) -> timedelta:
        return self.author_date.utcoffset() or timedelta(0)

    @property
    def lines_added(self) -> int:
        return sum(f.added or 0 for f in self.files)

    @property
    def lines_deleted(self) -> int:
        return sum(f.deleted or 0 for f in self.files)

    @property
    def binary_files(self) -> int:
        return sum(1 for f in self.files if f.is_binary)

    def ref(self) -> CommitRef:
        return CommitRef(
            sha=self.sha,
            author_name=self.author_name,
            author_email=self.author_email,
            author_date=self.author_date,
        )


def read_commits(
    repo: Path,
    revs: Sequence[str],
    *,
    max_count: int | None = None,
    since: datetime | None = None,
    signatures: bool = True,
) -> tuple[CommitInfo, ...]:
    """Every commit `git log revs` lists, newest first, with numstat.

    Raises:
        GitError: not a repository, or a revision git does not know.
    """
    fields = _FIELDS if signatures else _UNSIGNED_FIELDS
    args = ["log", "-z", "--no-renames", "--no-color", "--no-show-signature", "--numstat"]
    args.append("--format=%x1e" + "%x00".join(fields))
    if max_count is not None:
        args.append(f"--max-count={max_count}")
    if since is not None:
        args.append(f"--since={int(since.timestamp())}")
    output = run_git(repo, *args, *revs, "--")
    return tuple(parse_log(output))


def history_tips(repo: Path, rev_range: str) -> tuple[str, ...]:
    """The revisions a range excludes (`A` of `A..B`): where its baseline history lives."""
    output = run_git(repo, "rev-parse", "--revs-only", *rev_range.split())
    lines = output.decode("ascii", "replace").split()
    return tuple(line[1:] for line in lines if line.startswith("^"))


def repo_root(path: Path) -> Path:
    """The top of the work tree containing `path` (the git dir of a bare repository).

    Raises:
        GitError: `path` is missing or not inside a git repository.
    """
    if not path.is_dir():
        raise GitError(f"{path}: no such directory")
    try:
        bare, git_dir = run_git(path, "rev-parse", "--is-bare-repository", "--absolute-git-dir").split(b"\n")[
            :2
        ]
        if bare == b"true":
            return Path(git_dir.decode("utf-8", "surrogateescape"))
        top = run_git(path, "rev-parse", "--show-toplevel").rstrip(b"\n")
    except (GitError, ValueError):
        raise GitError(f"{path}: not a git repository") from None
    return Path(top.decode("utf-8", "surrogateescape"))


def run_git(repo: Path, *args: str) -> bytes:
    """Raw stdout of a git command in `repo`.

    Raises:
        GitError: git is missing or failed; the message is git's first line.
    """
    # log.showSignature or a pager in the user's config must not change the output.
    command = ["git", "-c", "core.quotePath=false", "-c", "log.showSignature=false", *args]
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_PAGER": "cat"}
    if not repo.is_dir():
        raise GitError(f"{repo}: no such directory")
    try:
        done = subprocess.run(command, cwd=repo, capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} in {repo}: {lines[0] if lines else f'exit {done.returncode}'}")
    return done.stdout


def parse_log(output: bytes) -> list[CommitInfo]:
    """Parse the output of read_commits' `git log` (exposed for tests and benchmarks)."""
    tokens = output.split(b"\0")
    width = len(_FIELDS)
    commits: list[CommitInfo] = []
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        if not token.startswith(_RS):
            i += 1  # the empty token after the last numstat entry
            continue
        # Fields are consumed by count, never by searching for RS, so a name
        # containing RS cannot desynchronise the parse.
        header = [token[1:], *tokens[i + 1 : i + width]]
        i += width
        files: list[FileStat] = []
        while i < len(tokens) and not tokens[i].lstrip(b"\n").startswith(_RS):
            stat = _numstat(tokens[i].lstrip(b"\n"))
            if stat is not None:
                files.append(stat)
            i += 1
        if len(header) == width:
            commits.append(_commit(header, tuple(files)))
    return commits


def _commit(header: list[bytes], files: tuple[FileStat, ...]) -> CommitInfo:
    sha, parents, an, ae, at, ai, cn, ce, ct, ci, status, key, signer = (_text(h) for h in header)
    return CommitInfo(
        sha=sha,
        parents=tuple(parents.split()),
        author_name=an,
        author_email=ae.strip().lower(),
        author_date=_date(at, ai),
        committer_name=cn,
        committer_email=ce.strip().lower(),
        committer_date=_date(ct, ci),
        signature=status,
        signing_key=key,
        signer=signer,
        files=files,
    )


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _numstat(token: bytes) -> FileStat | None:
    parts = token.split(b"\t", 2)
    if len(parts) != 3:
        return None
    added, deleted, path = parts
    binary = added == b"-"
    return FileStat(
        path=path.decode("utf-8", "surrogateescape"),
        added=None if binary else int(added),
        deleted=None if binary else int(deleted),
    )


def _date(epoch: str, shown: str) -> datetime:
    """The instant `epoch` in the offset git printed at the end of `shown` (+hhmm)."""
    try:
        return datetime.fromtimestamp(int(epoch), _zone(shown[-5:]))
    except (ValueError, OverflowError, OSError):
        # Dates beyond datetime's range are themselves a sign of tampering; keep them extreme.
        log.debug("commit date %r out of range", epoch)
        extreme = datetime.max if epoch.strip() and not epoch.startswith("-") else datetime.min
        return extreme.replace(tzinfo=UTC)


@lru_cache(maxsize=256)
def _zone(tail: str) -> timezone:
    """`+0100` as a fixed-offset timezone; an unreadable or impossible offset as UTC."""
    if len(tail) == 5 and tail[0] in "+-" and tail[1:].isdigit():
        minutes = int(tail[1:3]) * 60 + int(tail[3:5])
        if minutes < 24 * 60:  # git stores whatever it was given; timezone() refuses a day or more
            return timezone(timedelta(minutes=-minutes if tail[0] == "-" else minutes))
    return UTC
