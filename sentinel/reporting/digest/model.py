"""What a weekly digest holds, once: every renderer (HTML, Markdown, JSON, email) reads this.

Built by sentinel/reporting/digest/build.py from a Store; the renderers never
query anything, so the three formats cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sentinel.model import Role, Severity


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """A half-open time range [start, end), tz-aware, with its label (`2026-W48`)."""

    start: datetime
    end: datetime
    label: str

    def previous(self) -> Period:
        length = self.end - self.start
        return Period(start=self.start - length, end=self.start, label=f"previous {self.label}")


@dataclass(frozen=True, slots=True, kw_only=True)
class HeadlineItem:
    key: str  # stable name for automation: attention, code_findings, exfiltration, identity, coverage
    label: str
    value: int
    previous: int

    @property
    def change(self) -> int:
        return self.value - self.previous


@dataclass(frozen=True, slots=True, kw_only=True)
class Contribution:
    """One finding or alert's share of a score line."""

    evidence: str  # Evidence.id
    ts: datetime
    severity: Severity
    base: float  # points before decay
    decay: float  # 0.5 ** (age / half-life)
    points: float  # base * decay


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreLine:
    """Everything one signal (a rule or detector) added to one account's score."""

    signal: str  # rule id, detector id or coverage kind
    source: str  # code, provenance, endpoint, coverage
    contributions: tuple[Contribution, ...]
    raw: float  # sum of decayed points
    cap: float
    points: float  # min(raw, cap)

    @property
    def capped(self) -> bool:
        return self.raw > self.cap


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    account: str
    role: Role
    weight: float  # role weight
    lines: tuple[ScoreLine, ...]  # most points first
    subtotal: float  # sum of line points
    total: float  # subtotal * weight

    def explain(self) -> str:
        """`1.5 x (provenance.timezone-mismatch 13.1 + bulk-read 8.0) = 31.7`."""
        if not self.lines:
            return "no signals"
        parts = " + ".join(f"{line.signal} {line.points:.1f}" for line in self.lines)
        return f"{self.role.value} weight {self.weight:g} × ({parts}) = {self.total:.1f}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    text: str
    url: str  # "" when no URL template is configured (or it did not give http(s))


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """One finding, alert or coverage gap, as the analyst opens it.

    Every string except `id` and times may come from a commit, a path or a
    command line: renderers escape them all.
    """

    id: str  # E1, E2, ... unique within the digest
    kind: str  # finding, alert, coverage
    signal: str
    severity: Severity
    title: str
    when_utc: str
    when_local: str  # in the account's declared timezone ("" when none is declared)
    where: str = ""  # repository, or host
    path: str = ""
    line: int | None = None
    commit: Link | None = None
    author: str = ""
    commit_time_utc: str = ""
    commit_time_local: str = ""
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DailyActivity:
    """Endpoint events per day of the period against the account's own baseline."""

    days: tuple[tuple[date, int], ...]
    baseline: float  # median events per day over the baseline days
    baseline_high: float  # 90th percentile
    baseline_days: int  # days of baseline data (0: no baseline)


@dataclass(frozen=True, slots=True, kw_only=True)
class Offsets:
    """UTC offsets of the account's commits seen this period, against its declared zone."""

    seen: tuple[tuple[int, int], ...]  # (offset minutes, commits)
    declared: tuple[int, ...]  # offsets (minutes) the declared zone used during the period
    timezone: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountReport:
    rank: int
    id: str
    name: str
    role: Role
    timezone: str
    country: str
    score: Score
    previous: float  # last period's total
    evidence: tuple[Evidence, ...]  # most points first, at most max_evidence
    more_evidence: int  # left out beyond max_evidence
    activity: DailyActivity | None
    offsets: Offsets | None

    @property
    def change(self) -> float:
        return self.score.total - self.previous


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineItem:
    account: str
    kind: str  # alert, finding, coverage
    ts: datetime
    severity: Severity
    label: str
    evidence: str  # Evidence.id, "" when the account is not detailed
    count: int = 1  # identical items (same account, signal, severity and minute) shown once


@dataclass(frozen=True, slots=True, kw_only=True)
class Digest:
    period: Period
    generated: datetime
    timezone: str  # the report's zone (week boundaries)
    headline: tuple[HeadlineItem, ...]
    attention_score: float
    accounts: tuple[AccountReport, ...]  # detailed, ranked
    ranking: tuple[tuple[str, Role, float, float], ...]  # every scored account: id, role, total, previous
    timeline: tuple[TimelineItem, ...]
    notes: tuple[str, ...]  # what the store did not have (no agent data, no scans, ...)
    sources: tuple[tuple[str, int], ...]  # what the digest read: findings, alerts, rollups, ...
    method: str = ""  # how scores were computed, with this run's settings, in one paragraph
