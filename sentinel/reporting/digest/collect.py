"""Read what a digest needs from a Store: the period's and the lookback's signals,
and endpoint activity as daily counts (from hourly rollups, never raw events,
so a central store that only receives rollups gives the same digest)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sentinel.config import DigestConfig
from sentinel.model import Alert
from sentinel.reporting.digest.model import Period
from sentinel.store import Coverage, HostSpan, Store, StoredFinding

log = logging.getLogger(__name__)

# Rollups of these kinds say the agent is alive, not that anyone did anything.
_NOT_ACTIVITY = ("coverage",)


@dataclass(frozen=True, slots=True, kw_only=True)
class HostSeen:
    host: str
    last_seen: datetime  # end of the last hour with any rollup
    first_seen: datetime  # start of the first hour with any rollup
    account: str  # the account with the most rollup events on the host


@dataclass(frozen=True, slots=True, kw_only=True)
class Collected:
    findings: tuple[StoredFinding, ...]  # since the lookback before the period, to its end
    alerts: tuple[Alert, ...]
    coverage: tuple[Coverage, ...]
    activity: dict[str, dict[date, int]]  # account -> day (report zone) -> events, baseline + period
    hosts: tuple[HostSeen, ...]  # agent hosts with rollups in the baseline or the period
    account_hours: int  # rows of endpoint activity read


def collect(store: Store, *, period: Period, settings: DigestConfig, tz: ZoneInfo) -> Collected:
    signals_since = period.start - timedelta(days=settings.lookback_days)
    findings = store.findings(since=signals_since, until=period.end)
    alerts = store.alerts(since=signals_since, until=period.end)
    coverage = store.coverage(since=signals_since, until=period.end)
    baseline_since = period.start - timedelta(days=settings.baseline_days)
    # Summed in the database: a fleet week is hundreds of thousands of rollup rows.
    hours = store.account_hours(since=baseline_since, until=period.end, exclude_kinds=_NOT_ACTIVITY)
    spans = store.host_spans(since=baseline_since, until=period.end)
    activity: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    day_of: dict[datetime, date] = {}  # rows share few distinct hours: convert each once
    for row in hours:
        day = day_of.get(row.hour)
        if day is None:
            day = day_of[row.hour] = row.hour.astimezone(tz).date()
        activity[row.account][day] += row.count
    by_host: dict[str, list[HostSpan]] = defaultdict(list)
    for span in spans:
        by_host[span.host].append(span)
    hosts = tuple(
        HostSeen(
            host=host,
            last_seen=max(s.last for s in group) + timedelta(hours=1),
            first_seen=min(s.first for s in group),
            account=max(group, key=lambda s: (s.count, s.account)).account,
        )
        for host, group in sorted(by_host.items())
    )
    log.debug(
        "digest read %d findings, %d alerts, %d coverage records, %d account-hours",
        len(findings), len(alerts), len(coverage), len(hours),
    )  # fmt: skip
    return Collected(
        findings=tuple(findings),
        alerts=tuple(alerts),
        coverage=tuple(coverage),
        activity={account: dict(days) for account, days in activity.items()},
        hosts=hosts,
        account_hours=len(hours),
    )
