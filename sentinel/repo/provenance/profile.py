"""Per-account profiles for `sentinel provenance`: what each account's commits show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import UNKNOWN_ACCOUNT, Finding, Role

from .commits import CommitInfo
from .context import Commits, author_of
from .zones import declared_offsets, format_offset, off_hours


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountProfile:
    """One account's commits in the reviewed period, against its declared claims."""

    account: str
    name: str
    role: Role
    country: str
    timezone: str
    hours: str  # "09:00-18:00", or "" when none are declared
    commits: int
    first: datetime | None
    last: datetime | None
    offsets: tuple[tuple[str, int], ...]  # observed UTC offset -> commits, most common first
    declared: tuple[str, ...]  # offsets the declared zone used over the period
    off_hours_share: float | None  # None without declared hours
    identities: tuple[tuple[str, int], ...]  # "Name <email>" -> commits
    findings: tuple[Finding, ...]


def profiles(
    commits: Commits,
    directory: Directory,
    findings: Sequence[Finding],
    settings: ProvenanceConfig,
    *,
    account: str | None = None,
) -> tuple[AccountProfile, ...]:
    """A profile for every account with commits or findings (or only `account`), directory order first."""
    grouped: dict[str, list[CommitInfo]] = {}
    for commit in commits.review:
        grouped.setdefault(author_of(directory, commit).id, []).append(commit)
    ids = [a.id for a in directory.accounts if a.id in grouped or any(f.account == a.id for f in findings)]
    if UNKNOWN_ACCOUNT.id in grouped or any(f.account == UNKNOWN_ACCOUNT.id for f in findings):
        ids.append(UNKNOWN_ACCOUNT.id)
    if account is not None:
        ids = [i for i in ids if i == account] or [account]
    return tuple(
        _profile(i, grouped.get(i, []), directory, [f for f in findings if f.account == i], settings)
        for i in ids
    )


def _profile(
    account_id: str,
    mine: list[CommitInfo],
    directory: Directory,
    findings: list[Finding],
    settings: ProvenanceConfig,
) -> AccountProfile:
    account = directory.by_id(account_id) or UNKNOWN_ACCOUNT
    offsets = Counter(format_offset(c.author_offset) for c in mine)
    declared: set[timedelta] = set()
    if account.timezone:
        for commit in mine:
            declared |= declared_offsets(account.timezone, commit.author_date)
    late = [off_hours(account, c.author_date, weekends=settings.off_hours_weekends) for c in mine]
    judged = [v for v in late if v is not None]
    hours = "-".join(t.strftime("%H:%M") for t in account.hours) if account.hours else ""
    return AccountProfile(
        account=account.id,
        name=account.name,
        role=account.role,
        country=account.country,
        timezone=account.timezone,
        hours=hours,
        commits=len(mine),
        first=min((c.author_date for c in mine), default=None),
        last=max((c.author_date for c in mine), default=None),
        offsets=tuple(offsets.most_common()),
        declared=tuple(format_offset(o) for o in sorted(declared)),
        off_hours_share=sum(judged) / len(judged) if judged else None,
        identities=tuple(Counter(c.author for c in mine).most_common()),
        findings=tuple(findings),
    )
