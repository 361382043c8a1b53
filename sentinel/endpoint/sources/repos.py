"""Watched git repositories: new commits, new remotes, pushes, clones.

Polling, cheaply: each repository's fingerprint is the (mtime, size) of a
few files under .git (config, logs/HEAD, packed-refs, the remote-tracking
reflogs); git itself runs only when the fingerprint moves. Git internals are
read directly or through `git` and never through the watched-tree file
events (`*/.git/*` is ignored there), so the agent does not see itself.

- push: a remote-tracking reflog line `update by push` (git writes one for
  each ref it pushes to a named remote). The event carries the remote URL as
  configured and as used after `url.<base>.insteadOf` rewriting. A push to a
  bare URL that is not a named remote leaves no reflog: only audit's execve
  records see it (sentinel/endpoint/sources/audit.py).
- commit: a branch moved; the new commits are scanned with the rule pack by
  `scan_commits` (the same pipeline as CI) and the findings stored.
- remote-added: a remote name that was not there before.
- clone: a `.git` directory created under a watched tree (reported by the
  file source); the new repository is then watched as well.

Reflog offsets persist in the state directory, so pushes made while the
agent was down are still reported when it comes back.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sentinel.endpoint.attribution import Attributor
from sentinel.model import Event

log = logging.getLogger(__name__)

ScanCommits = Callable[[Path, str, str], None]  # repository, old sha, new sha


@dataclass(slots=True)
class _Repo:
    root: Path
    git_dir: Path
    fingerprint: tuple[tuple[int, int], ...] = ()
    heads: dict[str, str] = field(default_factory=dict)
    remotes: dict[str, str] = field(default_factory=dict)


def find_git_dir(root: Path) -> Path | None:
    dot = root / ".git"
    if dot.is_dir():
        return dot
    if (root / "HEAD").is_file() and (root / "objects").is_dir():
        return root  # bare
    return None


def discover(trees: Iterable[str], max_depth: int = 4) -> list[Path]:
    """Repositories (work trees or bare) at most `max_depth` levels under each tree."""
    found: list[Path] = []
    for tree in trees:
        base_depth = tree.rstrip("/").count("/")
        for dirpath, dirnames, _ in os.walk(tree):
            if ".git" in dirnames or find_git_dir(Path(dirpath)) == Path(dirpath):
                found.append(Path(dirpath))
                dirnames.clear()
                continue
            if dirpath.count("/") - base_depth >= max_depth:
                dirnames.clear()
            dirnames[:] = [d for d in dirnames if d not in ("node_modules", ".venv", "__pycache__")]
    return found


def _git(repo: _Repo, *args: str) -> str:
    done = subprocess.run(
        ["git", "--git-dir", str(repo.git_dir), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"},
        timeout=30,
    )
    return done.stdout if done.returncode == 0 else ""


class RepoSource:
    def __init__(
        self,
        *,
        host: str,
        attributor: Attributor,
        emit: Callable[[Event], object],
        state_path: Path,
        scan_commits: ScanCommits | None = None,
    ) -> None:
        self.host = host
        self.attributor = attributor
        self._emit = emit
        self._state_path = state_path
        self._scan = scan_commits
        self._repos: dict[Path, _Repo] = {}
        self._offsets: dict[str, int] = self._load_offsets()
        self._pending_clones: list[Path] = []

    @property
    def repositories(self) -> tuple[Path, ...]:
        return tuple(self._repos)

    def add(self, root: Path, *, announce: bool = False) -> None:
        """Watch `root`; its current state is the baseline (nothing reported for it)."""
        root = root.resolve()
        if root in self._repos:
            return
        git_dir = find_git_dir(root)
        if git_dir is None:
            log.warning("not a git repository, not watched: %s", root)
            return
        repo = _Repo(root=root, git_dir=git_dir)
        repo.heads = self._heads(repo)
        repo.remotes = self._remotes(repo)
        self._repos[root] = repo
        stale = False
        for reflog in self._reflogs(repo):
            # A reflog never seen before starts at its end: history is not news.
            size = reflog.stat().st_size
            stale |= self._offsets.setdefault(str(reflog), size) != size
        # Pushes logged while the agent was down: read them on the first poll.
        repo.fingerprint = () if stale else self._fingerprint(repo)
        self._save_offsets()
        if announce:
            self._event(repo, "clone", detail="new repository under a watched tree")

    def cloned(self, root: str) -> None:
        """Called from the file source's thread: picked up on the next poll."""
        self._pending_clones.append(Path(root))

    def poll(self) -> None:
        while self._pending_clones:
            root = self._pending_clones.pop()
            # git creates .git before it has written HEAD; wait for a complete repo.
            if find_git_dir(root) is None or not (root / ".git" / "HEAD").exists():
                if (root / ".git").exists():
                    self._pending_clones.insert(0, root)
                break
            self.add(root, announce=True)
        for repo in list(self._repos.values()):
            try:
                self._poll(repo)
            except (OSError, subprocess.SubprocessError) as exc:
                log.warning("repository %s could not be polled: %s", repo.root, exc)

    def _poll(self, repo: _Repo) -> None:
        fingerprint = self._fingerprint(repo)
        if fingerprint == repo.fingerprint:
            return
        repo.fingerprint = fingerprint
        remotes = self._remotes(repo)
        for name, url in remotes.items():
            if name not in repo.remotes:
                self._event(repo, "remote-added", remote=url, detail=f"remote {name}")
        repo.remotes = remotes
        for reflog in self._reflogs(repo):
            self._read_pushes(repo, reflog)
        heads = self._heads(repo)
        for ref, sha in heads.items():
            old = repo.heads.get(ref)
            if old != sha:
                self._event(repo, "commit", detail=f"{ref} {old or '(new)'}..{sha}")
                if self._scan is not None:
                    self._scan(repo.root, old or "", sha)
        repo.heads = heads
        self._save_offsets()

    def _read_pushes(self, repo: _Repo, reflog: Path) -> None:
        key = str(reflog)
        offset = self._offsets.get(key, 0)
        size = reflog.stat().st_size
        if size < offset:  # rewritten (reflog expire): start over at its end
            self._offsets[key] = size
            return
        if size == offset:
            return
        with open(reflog, "rb") as handle:
            handle.seek(offset)
            chunk = handle.read(size - offset)
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self._offsets[key] = offset + len(complete)
        remote = reflog.relative_to(repo.git_dir / "logs" / "refs" / "remotes").parts[0]
        for line in complete.decode("utf-8", "replace").splitlines():
            _, _, message = line.partition("\t")
            if not message.startswith("update by push"):
                continue
            ref = "/".join(reflog.relative_to(repo.git_dir / "logs" / "refs" / "remotes").parts[1:])
            configured = _git(repo, "config", "--get", f"remote.{remote}.url").strip()
            used = _git(repo, "remote", "get-url", "--push", remote).strip()
            old_new = line.split(" ", 2)[:2]
            self._event(
                repo,
                "push",
                remote=configured or used,
                dest=used if used != configured else "",
                detail=f"remote {remote} {ref} {'..'.join(old_new)}",
            )

    def _event(self, repo: _Repo, action: str, *, remote: str = "", dest: str = "", detail: str = "") -> None:
        try:
            owner: int | None = repo.git_dir.stat().st_uid
        except OSError:
            owner = None
        account, attributed_by = self.attributor.fallback(owner)
        self._emit(
            Event(
                ts=datetime.now(UTC),
                host=self.host,
                account=account,
                kind="repo",
                action=action,
                path=str(repo.root),
                remote=remote,
                dest_path=dest,
                attributed_by=attributed_by,
                detail=detail,
            )
        )

    @staticmethod
    def _reflogs(repo: _Repo) -> list[Path]:
        base = repo.git_dir / "logs" / "refs" / "remotes"
        return [Path(d) / f for d, _, files in os.walk(base) for f in files]

    def _fingerprint(self, repo: _Repo) -> tuple[tuple[int, int], ...]:
        paths = [repo.git_dir / n for n in ("config", "packed-refs", "HEAD", "logs/HEAD")]
        paths += self._reflogs(repo)
        heads = repo.git_dir / "refs" / "heads"
        paths += [Path(d) / f for d, _, files in os.walk(heads) for f in files]
        marks = []
        for path in paths:
            try:
                info = path.stat()
                marks.append((info.st_mtime_ns, info.st_size))
            except OSError:
                marks.append((0, 0))
        return tuple(marks)

    @staticmethod
    def _heads(repo: _Repo) -> dict[str, str]:
        out = _git(repo, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads")
        return dict(line.split(" ", 1) for line in out.splitlines() if " " in line)

    @staticmethod
    def _remotes(repo: _Repo) -> dict[str, str]:
        out = _git(repo, "config", "--get-regexp", r"^remote\..*\.url$")
        remotes = {}
        for line in out.splitlines():
            key, _, url = line.partition(" ")
            remotes[key[len("remote.") : -len(".url")]] = url
        return remotes

    def _load_offsets(self) -> dict[str, int]:
        try:
            data = json.loads(self._state_path.read_text(encoding="utf-8"))
            return {str(k): int(v) for k, v in data.items()}
        except (OSError, ValueError, AttributeError):
            return {}

    def _save_offsets(self) -> None:
        tmp = self._state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._offsets), encoding="utf-8")
        os.replace(tmp, self._state_path)
