"""Read what a digest needs from a Store: the period's and the lookback's signals,
and endpoint activity as daily counts (from hourly rollups, never raw events,
so a central store that only receives rollups gives the same digest)."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sentinel.config import DigestConfig
from sentinel.model import Alert
from sentinel.reporting.digest.model import Period
from sentinel.store import Coverage, Store, StoredFinding

log = logging.getLogger(__name__)

# Rollups of these kinds say the agent is alive, not that anyone did anything.
_NOT_ACTIVITY = frozenset({"coverage"})


@dataclass(frozen=True, slots=True, kw_only=True)
class HostSeen:
    host: str
    last_seen: datetime  # end of the last hour with any rollup
    first_seen: datetime  # start of the first hour with any rollup
    account: str  # the account with the most activity on the host ("" if none)


@dataclass(frozen=True, slots=True, kw_only=True)
class Collected:
    findings: tuple[StoredFinding, ...]  # since the lookback before the period, to its end
    alerts: tuple[Alert, ...]
    coverage: tuple[Coverage, ...]
    activity: dict[str, dict[date, int]]  # account -> day (report zone) -> events, baseline + period
    hosts: tuple[HostSeen, ...]  # agent hosts with rollups in the baseline or the period
    rollups: int  # rows read


def collect(store: Store, *, period: Period, settings: DigestConfig, tz: ZoneInfo) -> Collected:
    signals_since = period.start - timedelta(days=settings.lookback_days)
    findings = store.findings(since=signals_since, until=period.end)
    alerts = store.alerts(since=signals_since, until=period.end)
    coverage = store.coverage(since=signals_since, until=period.end)
    rollups = store.rollups(since=period.start - timedelta(days=settings.baseline_days), until=period.end)
    activity: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    last_seen: dict[str, datetime] = {}
    first_seen: dict[str, datetime] = {}
    busiest: dict[str, Counter[str]] = defaultdict(Counter)
    day_of: dict[datetime, date] = {}  # rollups share few distinct hours: convert each once
    for row in rollups:
        seen = last_seen.get(row.host)
        if seen is None or row.hour > seen:
            last_seen[row.host] = row.hour
        if row.host not in first_seen:  # rollups come in hour order
            first_seen[row.host] = row.hour
        if row.kind in _NOT_ACTIVITY:
            continue
        day = day_of.get(row.hour)
        if day is None:
            day = day_of[row.hour] = row.hour.astimezone(tz).date()
        activity[row.account][day] += row.count
        busiest[row.host][row.account] += row.count
    hosts = tuple(
        HostSeen(
            host=host,
            last_seen=hour + timedelta(hours=1),
            first_seen=first_seen[host],
            account=busiest[host].most_common(1)[0][0] if busiest[host] else "",
        )
        for host, hour in sorted(last_seen.items())
    )
    log.debug(
        "digest read %d findings, %d alerts, %d coverage records, %d rollups",
        len(findings), len(alerts), len(coverage), len(rollups),
    )  # fmt: skip
    return Collected(
        findings=tuple(findings),
        alerts=tuple(alerts),
        coverage=tuple(coverage),
        activity={account: dict(days) for account, days in activity.items()},
        hosts=hosts,
        rollups=len(rollups),
    )
