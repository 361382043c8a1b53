"""Timezone mismatch and timezone hopping: where a commit's clock says its author was.

Every commit records its author's UTC offset. An account that declares
Europe/Berlin should commit at +01:00 in winter and +02:00 in summer; a
contractor who claims Berlin but commits at +08:00 week after week is the
pattern behind fake remote workers (FBI PSA I-051624-PSA). zoneinfo decides
which offsets the declared zone uses on each date, so daylight saving never
fires.

timezone-mismatch reports runs of consecutive commits at offsets the declared
zone does not use. One short trip (travel_max_days, travel_allowance) after an
established home pattern (travel_min_home_commits) is travel, not a finding.

timezone-hopping reports accounts whose offset changes more often than the
zone explains (hopping_max_switches): a leaky VPN, several people sharing one
account, or someone relaying work.

False positives: an employee who travels often, CI machines or rebases that
rewrite the author date in UTC (git rebase keeps the author date), laptops set
to UTC. Severity is low for employees and high for contractors.
ATT&CK: T1656 (Impersonation).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import pairwise

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Account, Finding, Severity

from .commits import CommitInfo
from .context import Commits, describe, finding
from .zones import declared_offsets, format_offsets, matches_zone

ATTACK = ("T1656",)


def check_mismatch(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    for account_id, history in commits.by_author(directory).items():
        account = directory.by_id(account_id)
        if account is None or not account.timezone:
            continue
        trips = 0
        for run, home in _runs(account.timezone, history):
            span = run[-1].author_date - run[0].author_date
            if (
                span <= timedelta(days=settings.travel_max_days)
                and home >= settings.travel_min_home_commits
                and trips < settings.travel_allowance
            ):
                trips += 1  # a trip: the same account back home afterwards is fine
                continue
            if any(commits.reviewed(c) for c in run):
                yield _mismatch(account, run)


def _runs(zone_name: str, history: list[CommitInfo]) -> Iterator[tuple[list[CommitInfo], int]]:
    """Maximal runs of consecutive mismatching commits, each with the home commits before it."""
    run: list[CommitInfo] = []
    home = 0
    for commit in history:
        if matches_zone(zone_name, commit.author_date):
            if run:
                yield run, home
                run = []
            home += 1
        else:
            run.append(commit)
    if run:
        yield run, home


def _mismatch(account: Account, run: list[CommitInfo]) -> Finding:
    expected: set[timedelta] = set()
    for commit in run:
        expected |= declared_offsets(account.timezone, commit.author_date)
    seen = {commit.author_offset for commit in run}
    return finding(
        rule="timezone-mismatch",
        account=account,
        severity=Severity.LOW,
        contractor=Severity.HIGH,
        message=(
            f"{account.id} declares {account.timezone} ({account.country or 'no country'}), which uses "
            f"UTC{format_offsets(expected)} on those dates; seen UTC{format_offsets(seen)} on "
            f"{describe(run)}"
        ),
        commits=run,
        attack=ATTACK,
    )


def check_hopping(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    for account_id, history in commits.by_author(directory).items():
        account = directory.by_id(account_id)
        if account is None:
            continue
        switches = [
            current
            for previous, current in pairwise(history)
            if previous.author_offset != current.author_offset and not _explained(account, previous, current)
        ]
        if len(switches) <= settings.hopping_max_switches:
            continue
        if not any(commits.reviewed(c) for c in switches):
            continue
        offsets = {c.author_offset for c in history}
        expected = (
            f"offsets to change only with {account.timezone}'s daylight saving"
            if account.timezone
            else "a steady offset (no timezone declared; one-hour daylight-saving steps allowed)"
        )
        yield finding(
            rule="timezone-hopping",
            account=account,
            severity=Severity.LOW,
            contractor=Severity.HIGH,
            message=(
                f"expected {expected}; seen {len(switches)} unexplained offset changes (at most "
                f"{settings.hopping_max_switches} tolerated) among UTC{format_offsets(offsets)} over "
                f"{len(history)} commits, switching at {describe(switches)}"
            ),
            commits=switches,
            attack=ATTACK,
        )


def _explained(account: Account, previous: CommitInfo, current: CommitInfo) -> bool:
    if account.timezone:
        return matches_zone(account.timezone, previous.author_date) and matches_zone(
            account.timezone, current.author_date
        )
    return abs(previous.author_offset - current.author_offset) == timedelta(hours=1)
