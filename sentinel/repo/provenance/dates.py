"""Backdated, future-dated and after-end-date commits: when a commit claims it was made.

- backdated: an author date far before the committer date (backdate_max_days),
  an author date after the committer date, or a commit dated before its own
  parent (parent_skew_hours). Backdating hides a change among old work or
  places it in a period when someone else held the role.
- future-dated: an author or committer date beyond now (future_tolerance_hours).
- after-end-date: commits authored or committed by an account after its
  declared `end` date, read on its declared clock: a departed person's access
  still in use.

False positives: rebases and cherry-picks keep old author dates (hence the
generous backdate_max_days and low confidence); clock skew on build machines.
ATT&CK: T1070.006 (Timestomp), T1078 (Valid Accounts).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Finding, Severity

from .commits import CommitInfo
from .context import Commits, author_of, describe, finding
from .zones import local


def check_backdated(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    limit = timedelta(days=settings.backdate_max_days)
    skew = timedelta(hours=settings.parent_skew_hours)
    dates = {c.sha: c.committer_date for c in (*commits.history, *commits.review)}
    kinds: dict[tuple[str, str], list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        who = commit.author_email  # grouping only; the finding resolves the account
        gap = commit.committer_date - commit.author_date
        if gap > limit:
            kinds[
                (who, f"author dates more than {settings.backdate_max_days:g} days before the commit")
            ].append(commit)
        elif -gap > timedelta(hours=settings.future_tolerance_hours):
            kinds[(who, "author dates after the commit date")].append(commit)
        parents = [dates[p] for p in commit.parents if p in dates]
        if parents and commit.committer_date < max(parents) - skew:
            kinds[
                (who, f"commit dates more than {settings.parent_skew_hours:g} h before the parent's")
            ].append(commit)
    for (_, what), found in kinds.items():
        gaps = [abs(c.committer_date - c.author_date) for c in found]
        yield finding(
            rule="backdated",
            account=author_of(directory, found[0]),
            severity=Severity.LOW,
            contractor=Severity.MEDIUM,
            message=(
                f"expected author and commit dates close together and after the parent's; seen {what} "
                f"(largest author/commit gap {max(gaps).days} days) on {describe(found)}"
            ),
            commits=found,
            confidence="low",
            attack=("T1070.006",),
        )


def check_future(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    horizon = now + timedelta(hours=settings.future_tolerance_hours)
    groups: dict[str, list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        if commit.author_date > horizon or commit.committer_date > horizon:
            groups[author_of(directory, commit).id].append(commit)
    for found in groups.values():
        latest = max(max(c.author_date, c.committer_date) for c in found)
        yield finding(
            rule="future-dated",
            account=author_of(directory, found[0]),
            severity=Severity.MEDIUM,
            message=(
                f"expected dates no later than now ({now:%Y-%m-%d %H:%M} UTC, tolerance "
                f"{settings.future_tolerance_hours:g} h); seen dates up to {latest.isoformat()} on "
                f"{describe(found)}"
            ),
            commits=found,
            confidence="high",
            attack=("T1070.006",),
        )


def check_after_end(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        author = author_of(directory, commit)
        if author.end is not None and local(author, commit.author_date).date() > author.end:
            groups[(author.id, "authored")].append(commit)
        committer = directory.by_email(commit.committer_email)
        if (
            committer.id != author.id
            and committer.end is not None
            and local(committer, commit.committer_date).date() > committer.end
        ):
            groups[(committer.id, "committed")].append(commit)
    for (account_id, verb), found in groups.items():
        account = directory.by_id(account_id)
        if account is None or account.end is None:
            continue
        yield finding(
            rule="after-end-date",
            account=account,
            severity=Severity.HIGH,
            contractor=Severity.CRITICAL,
            message=(
                f"{account_id}'s engagement ended on {account.end.isoformat()}; seen {verb} after it: "
                f"{describe(found)}"
            ),
            commits=found,
            confidence="high",
            attack=("T1078",),
        )
