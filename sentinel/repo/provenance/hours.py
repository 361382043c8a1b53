"""Off-hours pattern: an account that works on another continent's clock.

Declared working hours, read in the declared timezone, say when an account's
commits should happen. One late commit is nothing; a recent share of
off-hours commits far above the account's own earlier share and its peers'
share is the pattern of someone working from elsewhere, or of a second person
using the account. Needs off_hours_min_commits recent commits; the own and
peer comparisons apply when each has that many commits too.

False positives: crunch weeks, on-call rotations, people who simply prefer
nights (their own history then keeps the share from standing out).
Severity is low for employees and medium for contractors.
ATT&CK: T1656 (Impersonation).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Account, Finding, Severity

from .commits import CommitInfo
from .context import Commits, author_of, describe, finding
from .zones import off_hours


def check(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    since = now - timedelta(days=settings.off_hours_window_days)

    def recent(commit: CommitInfo) -> bool:
        # By date alone, so a whole-history run and a range scan agree; the range
        # only decides which accounts are looked at.
        return commit.author_date >= since

    everything = commits.everything()
    grouped = commits.by_author(directory)
    for account_id, history in grouped.items():
        account = directory.by_id(account_id)
        if account is None or account.hours is None or not any(commits.reviewed(c) for c in history):
            continue
        mine = [c for c in history if recent(c)]
        if len(mine) < settings.off_hours_min_commits:
            continue
        late = [c for c in mine if off_hours(account, c.author_date, weekends=settings.off_hours_weekends)]
        share = len(late) / len(mine)
        if share < settings.off_hours_min_share:
            continue
        older = [c for c in history if not recent(c)]
        peers = [
            c for c in everything if recent(c) and author_of(directory, c).id not in (account.id, "unknown")
        ]
        baselines = []
        for label, sample in (("its own earlier", older), ("its peers'", peers)):
            if len(sample) < settings.off_hours_min_commits:
                continue  # too few to compare against; the absolute share has to do
            theirs = _share(directory, sample, settings)
            if theirs is None:
                continue
            if share < theirs + settings.off_hours_margin:
                break
            baselines.append(f"{theirs:.0%} of {label} {len(sample)} commits")
        else:
            yield _finding(account, late, mine, share, baselines, settings)


def _share(directory: Directory, sample: Sequence[CommitInfo], settings: ProvenanceConfig) -> float | None:
    """Share of `sample` off each author's own declared hours (None: nobody declared any)."""
    verdicts = [
        off_hours(author_of(directory, c), c.author_date, weekends=settings.off_hours_weekends)
        for c in sample
    ]
    known = [v for v in verdicts if v is not None]
    return sum(known) / len(known) if len(known) >= settings.off_hours_min_commits else None


def _finding(
    account: Account,
    late: list[CommitInfo],
    mine: list[CommitInfo],
    share: float,
    baselines: list[str],
    settings: ProvenanceConfig,
) -> Finding:
    assert account.hours is not None
    start, end = (t.strftime("%H:%M") for t in account.hours)
    against = f", against {' and '.join(baselines)}" if baselines else " (no baseline to compare with)"
    return finding(
        rule="off-hours-pattern",
        account=account,
        severity=Severity.LOW,
        contractor=Severity.MEDIUM,
        message=(
            f"{account.id} declares working hours {start}-{end} {account.timezone or 'local time'}; "
            f"{len(late)} of {len(mine)} recent commits ({share:.0%}, threshold "
            f"{settings.off_hours_min_share:.0%}) fell outside them{against}: {describe(late)}"
        ),
        commits=late,
        confidence="low",
        attack=("T1656",),
    )
