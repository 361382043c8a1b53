"""Commit provenance: who wrote each commit, and are they who they claim to be.

`check_range` is what `sentinel scan` calls for the commits of its range;
`sentinel provenance` uses `load` and `profiles` for whole-history reports.
Each signal lives in its own module (see signals.SIGNALS).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from sentinel.config import ProvenanceConfig
from sentinel.errors import GitError
from sentinel.identities import Directory
from sentinel.model import Finding

from .commits import CommitInfo, FileStat, history_tips, read_commits, run_git
from .context import Commits
from .signals import SIGNALS, run_signals

log = logging.getLogger(__name__)

__all__ = [
    "SIGNALS",
    "CommitInfo",
    "Commits",
    "FileStat",
    "check_range",
    "load_range",
    "load_recent",
    "run_signals",
]


def load_range(repo: Path, rev_range: str | None, settings: ProvenanceConfig, *, now: datetime) -> Commits:
    """The commits of `rev_range` (all of HEAD when None) and a bounded baseline before them.

    Raises:
        GitError: not a repository, or an unknown revision.
    """
    if rev_range is None:
        review = (
            read_commits(repo, ["HEAD"], signatures=settings.verify_signatures) if _has_head(repo) else ()
        )
        return Commits(review=review)
    review = read_commits(repo, rev_range.split(), signatures=settings.verify_signatures)
    tips = history_tips(repo, rev_range)
    history: tuple[CommitInfo, ...] = ()
    if tips and settings.history_commits > 0:
        history = read_commits(
            repo,
            tips,
            max_count=settings.history_commits,
            since=now - timedelta(days=settings.history_days),
            # The baseline's signatures are never judged; verifying them would only cost time.
            signatures=False,
        )
    log.debug("provenance: %d commits under review, %d of history", len(review), len(history))
    return Commits(review=review, history=history)


def load_recent(repo: Path, since: timedelta, settings: ProvenanceConfig, *, now: datetime) -> Commits:
    """HEAD's commits authored within `since` of `now`, and a bounded baseline before them.

    Raises:
        GitError: not a repository.
    """
    if not _has_head(repo):
        return Commits(review=())
    cutoff = now - since
    # One pass over both periods; git's --since is by committer date, the split by author date.
    commits = read_commits(
        repo,
        ["HEAD"],
        since=cutoff - timedelta(days=settings.history_days),
        signatures=settings.verify_signatures,
    )
    review = tuple(c for c in commits if c.author_date >= cutoff)
    history = tuple(c for c in commits if c.author_date < cutoff)[: settings.history_commits]
    return Commits(review=review, history=history)


def check_range(
    repo: Path,
    rev_range: str | None,
    directory: Directory,
    settings: ProvenanceConfig,
    *,
    now: datetime,
) -> list[Finding]:
    """Provenance findings for the commits in `rev_range` ("base..head"; None: all of HEAD).

    Raises:
        GitError: not a repository, or an unknown revision.
    """
    if not settings.enabled:
        return []
    return run_signals(load_range(repo, rev_range, settings, now=now), directory, settings, now)


def _has_head(repo: Path) -> bool:
    try:
        run_git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except GitError:
        return False
    return True
