"""Turn what the store holds into a Digest: attribute, score, rank, explain, chart data.

Pure apart from its inputs (collected rows, the directory, the settings and
`now`), so the same week always gives the same digest.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sentinel.config import DigestConfig
from sentinel.identities import Directory
from sentinel.model import UNKNOWN_ACCOUNT, Account, Alert, Role, Severity
from sentinel.repo.provenance.zones import declared_offsets
from sentinel.reporting.digest import evidence
from sentinel.reporting.digest import period as periods
from sentinel.reporting.digest.collect import Collected
from sentinel.reporting.digest.model import (
    AccountReport,
    DailyActivity,
    Digest,
    Evidence,
    HeadlineItem,
    Offsets,
    Period,
    Score,
    TimelineItem,
)
from sentinel.reporting.digest.scoring import Signal, ranked, score
from sentinel.store import StoredFinding

_HIGH = Severity.HIGH.rank
_COVERAGE_DETECTOR = "coverage"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Item:
    """A scored thing before it has its final evidence id."""

    key: str  # temporary evidence key
    account: str
    signal: Signal
    finding: StoredFinding | None = None
    alert: Alert | None = None
    host: str = ""
    last_seen: datetime | None = None
    at: datetime | None = None


def account_key(account: str, author_email: str | None) -> str:
    """Unknown authors are told apart by email: one `unknown` bucket would hide who they are."""
    if account in ("", UNKNOWN_ACCOUNT.id):
        return f"unknown:{author_email.lower()}" if author_email else UNKNOWN_ACCOUNT.id
    return account


def _unique_findings(findings: Iterable[StoredFinding]) -> list[StoredFinding]:
    """Each finding once, at its first sighting: CI stores the same one on every push."""
    seen: dict[tuple[str, str], StoredFinding] = {}
    for stored in sorted(findings, key=lambda s: s.context.ts):
        f = stored.finding
        key = (f.fingerprint, account_key(f.account, f.commit.author_email if f.commit else None))
        seen.setdefault(key, stored)
    return list(seen.values())


def build(
    collected: Collected, *, directory: Directory, settings: DigestConfig, period: Period, now: datetime
) -> Digest:
    tz = periods.zone(settings.timezone)
    previous = period.previous()
    at = period.end
    findings = _unique_findings(collected.findings)
    items: list[_Item] = []
    recorded_roles: dict[str, Role] = {}

    for stored in findings:
        f = stored.finding
        key = account_key(f.account, f.commit.author_email if f.commit else None)
        recorded_roles.setdefault(key, f.role)
        source = "provenance" if f.rule_id.startswith("provenance.") else "code"
        ref = f"i{len(items)}"
        signal = Signal(
            account=key, signal=f.rule_id, source=source, severity=f.base_severity or f.severity,
            ts=stored.context.ts, evidence=ref,
        )  # fmt: skip
        items.append(_Item(key=ref, account=key, signal=signal, finding=stored))
    for alert in collected.alerts:
        key = account_key(alert.account, None)
        recorded_roles.setdefault(key, alert.role)
        ref = f"i{len(items)}"
        source = "coverage" if alert.detector == _COVERAGE_DETECTOR else "endpoint"
        signal = Signal(
            account=key, signal=alert.detector, source=source,
            severity=alert.base_severity or alert.severity, ts=alert.window_end, evidence=ref,
        )  # fmt: skip
        items.append(_Item(key=ref, account=key, signal=signal, alert=alert))
    # A silent agent: nothing at all (not even heartbeats) for silent_hours before the check.
    check = min(period.end, now)
    silent_hosts = []
    for host in collected.hosts:
        became = host.last_seen + timedelta(hours=settings.silent_hours)
        if became > check:
            continue
        silent_hosts.append(host)
        owner = directory.by_host(host.host)
        key = owner.id if owner.role is not Role.UNKNOWN else (host.account or UNKNOWN_ACCOUNT.id)
        ref = f"i{len(items)}"
        signal = Signal(
            account=key, signal="silent-agent", source="coverage", severity=Severity.MEDIUM, ts=became,
            evidence=ref, points=settings.silent_points,
        )  # fmt: skip
        items.append(
            _Item(key=ref, account=key, signal=signal, host=host.host, last_seen=host.last_seen, at=check)
        )

    accounts = {a.id: a for a in directory.accounts}
    roles = {key: _role(key, accounts, recorded_roles) for key in {i.account for i in items}}
    signals = [i.signal for i in items]
    current = score(signals, roles=roles, settings=settings, at=at)
    before = score(signals, roles=roles, settings=settings, at=previous.end)
    order = ranked(current)

    by_key = {i.key: i for i in items}
    reports = []
    ids: dict[str, str] = {}  # temporary key -> evidence id, for detailed accounts
    for rank, account_score in enumerate(order[: settings.max_accounts], start=1):
        account = accounts.get(account_score.account)
        report, mapping = _account_report(
            rank, account_score, account, by_key, collected, findings, settings, period, tz,
            before.get(account_score.account),
        )  # fmt: skip
        reports.append(report)
        ids.update(mapping)

    headline = _headline(
        items, findings, collected, settings, period, previous, current, before, silent_hosts
    )
    detailed = {r.id for r in reports}
    timeline = _timeline(
        (i for i in items if period.start <= i.signal.ts < period.end and i.account in detailed), ids
    )
    return Digest(
        period=period,
        generated=now,
        timezone=tz.key,
        headline=headline,
        attention_score=settings.attention_score,
        accounts=tuple(reports),
        ranking=tuple(
            (s.account, s.role, s.total, before[s.account].total if s.account in before else 0.0)
            for s in order
        ),
        timeline=timeline,
        notes=_notes(collected, period),
        method=_method(settings),
        sources=(
            ("findings", sum(1 for s in collected.findings if s.context.ts >= period.start)),
            ("alerts", sum(1 for a in collected.alerts if a.window_end >= period.start)),
            ("account-hours of activity", collected.account_hours),
            ("agent hosts", len(collected.hosts)),
            ("accounts in directory", len(directory.accounts)),
        ),
    )


def _timeline(items: Iterable[_Item], ids: dict[str, str]) -> tuple[TimelineItem, ...]:
    """One mark per account, signal, severity and minute: 30 hits of one rule in one scan are one mark."""
    grouped: dict[tuple[str, str, str, Severity, datetime], list[_Item]] = {}
    for i in sorted(items, key=lambda i: i.signal.ts):
        kind = "alert" if i.alert else "finding" if i.finding else "coverage"
        minute = i.signal.ts.replace(second=0, microsecond=0)
        grouped.setdefault((i.account, kind, i.signal.signal, _severity(i), minute), []).append(i)
    return tuple(
        TimelineItem(
            account=account, kind=kind, ts=group[0].signal.ts, severity=severity, label=signal,
            evidence=ids.get(group[0].key, ""), count=len(group),
        )
        for (account, kind, signal, severity, _), group in grouped.items()
    )  # fmt: skip


def _severity(item: _Item) -> Severity:
    if item.alert is not None:
        return item.alert.severity
    return item.finding.finding.severity if item.finding is not None else Severity.MEDIUM


def _role(key: str, accounts: dict[str, Account], recorded: dict[str, Role]) -> Role:
    if key in accounts:
        return accounts[key].role
    return recorded.get(key, Role.UNKNOWN)


def _account_report(
    rank: int,
    account_score: Score,
    account: Account | None,
    by_key: dict[str, _Item],
    collected: Collected,
    findings: Sequence[StoredFinding],
    settings: DigestConfig,
    period: Period,
    tz: ZoneInfo,
    previous: Score | None,
) -> tuple[AccountReport, dict[str, str]]:
    # Evidence round-robin over the signals (most points first within each), so the
    # first items show every signal before a noisy rule's 30th hit.
    contributions = [
        line.contributions[n]
        for n in range(max((len(line.contributions) for line in account_score.lines), default=0))
        for line in account_score.lines
        if n < len(line.contributions)
    ]
    mapping = {c.evidence: f"{rank}.{n}" for n, c in enumerate(contributions, start=1)}
    shown: list[Evidence] = []
    for c in contributions[: settings.max_evidence]:
        item = by_key[c.evidence]
        new_id = mapping[c.evidence]
        if item.finding is not None:
            shown.append(
                evidence.from_finding(new_id, item.finding, account=account, template=settings.commit_url)
            )
        elif item.alert is not None:
            shown.append(evidence.from_alert(new_id, item.alert, account=account))
        else:
            assert item.last_seen is not None and item.at is not None
            shown.append(
                evidence.silent_host(
                    new_id, host=item.host, last_seen=item.last_seen, at=item.at, account=account
                )
            )
    lines = tuple(
        dataclasses.replace(
            line,
            contributions=tuple(
                dataclasses.replace(c, evidence=mapping[c.evidence]) for c in line.contributions
            ),
        )
        for line in account_score.lines
    )
    report = AccountReport(
        rank=rank,
        id=account_score.account,
        name=account.name if account else "",
        role=account_score.role,
        timezone=account.timezone if account else "",
        country=account.country if account else "",
        score=dataclasses.replace(account_score, lines=lines),
        previous=previous.total if previous else 0.0,
        evidence=tuple(shown),
        more_evidence=max(len(contributions) - settings.max_evidence, 0),
        activity=_activity(collected.activity.get(account_score.account), period, tz),
        offsets=_offsets(account_score.account, account, findings, period),
    )
    return report, mapping


def _activity(days: dict[date, int] | None, period: Period, tz: ZoneInfo) -> DailyActivity | None:
    if not days:
        return None
    week = periods.days(period, tz)
    first = min(days)
    baseline_days = [first + timedelta(days=n) for n in range((week[0] - first).days)]
    counts = sorted(days.get(d, 0) for d in baseline_days)
    median = float(statistics.median(counts)) if counts else 0.0
    high = float(counts[min(len(counts) - 1, int(len(counts) * 0.9))]) if counts else 0.0
    return DailyActivity(
        days=tuple((d, days.get(d, 0)) for d in week),
        baseline=median,
        baseline_high=high,
        baseline_days=len(counts),
    )


def _offsets(
    key: str, account: Account | None, findings: Sequence[StoredFinding], period: Period
) -> Offsets | None:
    """Offsets of the distinct commits behind the account's findings (the commits the store knows)."""
    seen: dict[str, int] = {}
    for stored in findings:
        commit = stored.finding.commit
        if commit is None or commit.author_date is None or commit.author_date.utcoffset() is None:
            continue
        if not period.start <= stored.context.ts < period.end:
            continue
        if account_key(stored.finding.account, commit.author_email) != key:
            continue
        offset = commit.author_date.utcoffset()
        assert offset is not None
        seen[commit.sha] = int(offset.total_seconds() // 60)
    if not seen:
        return None
    counts: dict[int, int] = defaultdict(int)
    for minutes in seen.values():
        counts[minutes] += 1
    declared: set[int] = set()
    zone_name = account.timezone if account else ""
    if zone_name:
        for moment in (period.start, period.end):
            declared |= {int(o.total_seconds() // 60) for o in declared_offsets(zone_name, moment)}
    return Offsets(seen=tuple(sorted(counts.items())), declared=tuple(sorted(declared)), timezone=zone_name)


def _headline(
    items: Sequence[_Item],
    findings: Sequence[StoredFinding],
    collected: Collected,
    settings: DigestConfig,
    period: Period,
    previous: Period,
    current: dict[str, Score],
    before: dict[str, Score],
    silent_hosts: Sequence[object],
) -> tuple[HeadlineItem, ...]:
    def in_(p: Period, ts: datetime) -> bool:
        return p.start <= ts < p.end

    def count_findings(p: Period, wanted: Callable[[StoredFinding], bool]) -> int:
        return sum(1 for s in findings if in_(p, s.context.ts) and wanted(s))

    def code_high(s: StoredFinding) -> bool:
        return not s.finding.rule_id.startswith("provenance.") and s.finding.severity.rank >= _HIGH

    def identity(s: StoredFinding) -> bool:
        return s.finding.rule_id in settings.identity_rules

    def exfil(p: Period) -> int:
        wanted = settings.exfiltration_detectors
        return sum(1 for a in collected.alerts if in_(p, a.window_end) and a.detector in wanted)

    def coverage(p: Period) -> int:
        alerts = sum(1 for a in collected.alerts if in_(p, a.window_end) and a.detector == _COVERAGE_DETECTOR)
        records = sum(1 for r in collected.coverage if in_(p, r.ts))
        silent = sum(1 for i in items if i.signal.signal == "silent-agent" and i.signal.ts < p.end)
        return alerts + records + silent

    def attention(scores: dict[str, Score]) -> int:
        return sum(1 for s in scores.values() if s.total >= settings.attention_score)

    return (
        HeadlineItem(
            key="attention", label="accounts needing attention",
            value=attention(current), previous=attention(before),
        ),
        HeadlineItem(
            key="code_findings", label="new critical and high code findings",
            value=count_findings(period, code_high), previous=count_findings(previous, code_high),
        ),
        HeadlineItem(
            key="exfiltration", label="exfiltration alerts", value=exfil(period), previous=exfil(previous)
        ),
        HeadlineItem(
            key="identity", label="identity anomalies",
            value=count_findings(period, identity), previous=count_findings(previous, identity),
        ),
        HeadlineItem(
            key="coverage", label="coverage gaps (agents silent or stopped)",
            value=coverage(period), previous=coverage(previous),
        ),
    )  # fmt: skip


def _method(settings: DigestConfig) -> str:
    p, w = settings.points, settings.role_weights
    return (
        f"Each finding, alert or coverage gap earns points by its severity (critical {p.critical:g}, "
        f"high {p.high:g}, medium {p.medium:g}, low {p.low:g}), halving every {settings.half_life_days:g} "
        f"days before the end of the period; signals older than {settings.lookback_days} days no longer "
        f"count. One signal (a rule, a detector, a silent agent worth {settings.silent_points:g}) adds at "
        f"most {settings.signal_cap:g} points to an account, and at most {settings.repeat_cap:g} times its "
        "strongest item's. Severities are the rules' own; the role counts once: the sum is weighted by role "
        f"(employee {w.employee:g}, contractor {w.contractor:g}, unknown identity {w.unknown:g}). A finding "
        "stored by several scans counts once."
    )


def _notes(collected: Collected, period: Period) -> tuple[str, ...]:
    notes = []
    if not any(period.start <= s.context.ts < period.end for s in collected.findings):
        notes.append("No code or provenance findings were recorded in this period.")
    if not collected.account_hours and not collected.hosts:
        notes.append("The store holds no endpoint activity for this period (no agent data).")
    lost: dict[tuple[str, str], int] = defaultdict(int)
    for record in collected.coverage:
        if period.start <= record.ts < period.end:
            lost[(record.host, record.kind)] += record.count
    notes.extend(f"{host}: {kind}, {count} records lost" for (host, kind), count in sorted(lost.items()))
    return tuple(notes)
