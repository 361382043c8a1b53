"""Thin access to a git repository: GitPython to open and resolve, raw git for bytes.

Diffs and blobs go through `git` subprocesses returning bytes, because file
names and contents need not be UTF-8 and GitPython decodes them.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import git

from sentinel.errors import GitError

# The well-known id of git's empty tree: the "before" of a root commit.
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
NULL_SHA = "0" * 40


@dataclass(frozen=True, slots=True)
class Repository:
    """An opened repository: its root (work tree, or git dir when bare)."""

    root: Path
    handle: git.Repo

    def run(self, *args: str, stdin: bytes | None = None, check: bool = True) -> bytes:
        """Run a git command in this repository and return its raw stdout.

        Raises:
            GitError: git failed; the message is git's own first line.
        """
        command = ["git", "-c", "core.quotePath=false", *args]
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        try:
            done = subprocess.run(command, cwd=self.root, input=stdin, capture_output=True, env=env)
        except FileNotFoundError:
            raise GitError("git is not installed or not on PATH") from None
        if check and done.returncode != 0:
            first = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(f"git {args[0]} failed: {first[0] if first else f'exit {done.returncode}'}")
        return done.stdout

    def resolve(self, rev: str) -> str:
        """The full commit sha of `rev`.

        Raises:
            GitError: `rev` names no commit here.
        """
        try:
            return str(self.handle.rev_parse(f"{rev}^{{commit}}").hexsha)
        except (git.BadName, git.BadObject, ValueError, IndexError):
            raise GitError(f"unknown revision {rev!r} in {self.root}") from None

    def merge_base(self, a: str, b: str) -> str | None:
        """Best common ancestor, or None for unrelated histories."""
        bases = self.handle.merge_base(a, b)
        return str(bases[0].hexsha) if bases else None

    def has_head(self) -> bool:
        return self.handle.head.is_valid()

    def parents(self, sha: str) -> Sequence[str]:
        return [str(p.hexsha) for p in self.handle.commit(sha).parents]

    def config_value(self, key: str) -> str:
        return self.run("config", "--get", key, check=False).decode("utf-8", "replace").strip()


def open_repository(path: Path) -> Repository:
    """Open the repository at `path` (a work tree or a bare repository).

    Raises:
        GitError: `path` is missing or is not a git repository.
    """
    if not path.exists():
        raise GitError(f"{path}: no such directory")
    try:
        handle = git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError(f"{path}: not a git repository") from None
    root = Path(handle.working_tree_dir or handle.git_dir)
    return Repository(root=root, handle=handle)
