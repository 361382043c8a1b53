"""`sentinel hook`: install a pre-push hook, or run as pre-push / pre-receive.

Both hook modes scan only commits new to the other side: for each pushed ref,
the diff from the first parent of the oldest new commit to the new tip. That
covers new branches (no old sha), force pushes (old sha not an ancestor) and
skips deleted branches.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shlex
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sentinel import output
from sentinel.commands.common import load_config, load_directory
from sentinel.errors import ExitCode, SentinelError
from sentinel.model import Severity
from sentinel.repo.git import EMPTY_TREE, NULL_SHA, Repository, open_repository
from sentinel.repo.scan import Mode, scan
from sentinel.reporting import text

log = logging.getLogger(__name__)

MARKER = "# installed by sentinel hook install"


@dataclass(frozen=True, slots=True)
class PushedRef:
    old: str
    new: str
    ref: str


def run(
    *,
    hook: str,
    repo: Path,
    force: bool = False,
    fail_on: Severity | None = None,
    args: Sequence[str] = (),
    config_path: Path | None = None,
    identities_path: Path | None = None,
) -> int:
    if hook == "install":
        return install(repo, force=force)
    repository = open_repository(repo)
    if hook == "pre-push":
        refs = list(_pre_push_refs(sys.stdin.read() if not sys.stdin.isatty() else ""))
        exclude = ("--remotes=" + args[0],) if args else ("--remotes",)
    else:
        refs = list(_pre_receive_refs(sys.stdin.read()))
        exclude = ("--all",)  # during pre-receive the pushed refs are not yet in --all
    return scan_pushed(repository, refs, exclude, fail_on, config_path, identities_path)


def scan_pushed(
    repository: Repository,
    refs: Iterable[PushedRef],
    exclude: Sequence[str],
    fail_on: Severity | None,
    config_path: Path | None,
    identities_path: Path | None,
) -> int:
    config = load_config(config_path, repository.root)
    if fail_on is not None:
        config = dataclasses.replace(config, scan=dataclasses.replace(config.scan, fail_on=fail_on))
    directory = load_directory(identities_path, config)
    code: int = ExitCode.CLEAN
    for pushed in refs:
        if pushed.new == NULL_SHA:
            continue  # a deleted branch adds nothing
        before = _first_new_parent(repository, pushed.new, exclude)
        if before is None:
            continue  # nothing new: the commits are already on the other side
        report = scan(
            repository, mode=Mode.RANGE, config=config, directory=directory, head=pushed.new, before=before
        )
        if report.findings:
            output.write(f"sentinel: {pushed.ref}\n" + text.render(report, colour=False))
        code = max(code, report.return_code())
    if code:
        log.error("push blocked: findings at or above %s (see above)", config.scan.fail_on)
    return code


def _first_new_parent(repository: Repository, new: str, exclude: Sequence[str]) -> str | None:
    """The 'before' of the commits reachable from `new` but not from `exclude` refs."""
    listed = repository.run("rev-list", "--topo-order", "--reverse", "--parents", new, "--not", *exclude)
    lines = listed.decode("ascii").splitlines()
    if not lines:
        return None
    oldest = lines[0].split()  # the commit, then its parents
    return oldest[1] if len(oldest) > 1 else EMPTY_TREE


def _pre_push_refs(stdin: str) -> Iterable[PushedRef]:
    # git sends: <local ref> <local sha> <remote ref> <remote sha>
    # pre-commit's framework passes no stdin but PRE_COMMIT_FROM_REF / _TO_REF.
    if "PRE_COMMIT_TO_REF" in os.environ:
        yield PushedRef(
            os.environ.get("PRE_COMMIT_FROM_REF", NULL_SHA), os.environ["PRE_COMMIT_TO_REF"], "HEAD"
        )
        return
    for line in stdin.splitlines():
        parts = line.split()
        if len(parts) == 4:
            yield PushedRef(old=parts[3], new=parts[1], ref=parts[2])


def _pre_receive_refs(stdin: str) -> Iterable[PushedRef]:
    for line in stdin.splitlines():
        parts = line.split()
        if len(parts) != 3:
            raise SentinelError(f"pre-receive: expected '<old> <new> <ref>', got {line!r}")
        yield PushedRef(old=parts[0], new=parts[1], ref=parts[2])


def install(repo: Path, *, force: bool) -> int:
    """Write a pre-push hook that runs this sentinel; refuse to replace a foreign hook."""
    repository = open_repository(repo)
    hooks_dir = Path(repository.handle.git_dir) / "hooks"
    configured = repository.config_value("core.hooksPath")
    if configured:
        hooks_dir = repository.root / configured
    target = hooks_dir / "pre-push"
    if target.exists() and MARKER not in target.read_text(encoding="utf-8", errors="replace") and not force:
        raise SentinelError(f"{target} exists and was not written by sentinel; use --force to replace it")
    hooks_dir.mkdir(parents=True, exist_ok=True)
    python = shlex.quote(sys.executable)
    target.write_text(
        f'#!/bin/sh\n{MARKER}\nexec {python} -m sentinel hook pre-push --repo . "$@"\n', encoding="utf-8"
    )
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    log.info("installed %s", target)
    return ExitCode.CLEAN
