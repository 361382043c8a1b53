"""The weekly risk score: one number per account, every point explained.

A pure function of signals (findings, alerts, coverage gaps already
attributed to accounts), the accounts' roles, the settings and the instant
the score is taken at:

    points(item)  = severity_points[severity] * 0.5 ** (age_days / half_life_days)
    line(signal)  = min(cap(signal), repeat_cap * max(severity_points of its items),
                        Σ points(item) for the account's items of that signal)
    score         = role_weight[role] * Σ line(signal)

- Items older than `lookback_days` (or after the instant) count for nothing.
- The severity is the rule's own (`base_severity` when the scan or agent
  raised it for the author's role): the role counts once, through the role
  weight, so a contractor's medium alert outranks an employee's without the
  contractor paying twice for the same role. The raise is still shown in
  the evidence.
- The caps are per signal (a rule id, a detector id, a coverage kind) so one
  noisy rule cannot outweigh several independent ones: thirty medium findings
  of one rule are one medium thing seen often, worth at most `repeat_cap`
  mediums, never more than a few high findings of different kinds.
- A signal may carry fixed points instead of a severity's (a silent agent).

Contractors and unknown identities weigh more by default: their claims are
what the identity and provenance checks exist to test.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.config import DigestConfig
from sentinel.model import Role, Severity
from sentinel.reporting.digest.model import Contribution, Score, ScoreLine

_DAY = timedelta(days=1).total_seconds()


@dataclass(frozen=True, slots=True, kw_only=True)
class Signal:
    """One scored item: a finding, an alert or a coverage gap, attributed to an account."""

    account: str
    signal: str
    source: str  # code, provenance, endpoint, coverage
    severity: Severity
    ts: datetime
    evidence: str  # Evidence.id
    points: float | None = None  # fixed points instead of the severity's


def severity_points(settings: DigestConfig, severity: Severity) -> float:
    return float(getattr(settings.points, severity.value))


def role_weight(settings: DigestConfig, role: Role) -> float:
    return float(getattr(settings.role_weights, role.value))


def decay(settings: DigestConfig, age: timedelta) -> float:
    if settings.half_life_days <= 0:
        return 1.0
    return float(0.5 ** (max(age.total_seconds(), 0.0) / _DAY / settings.half_life_days))


def score(
    signals: Iterable[Signal], *, roles: Mapping[str, Role], settings: DigestConfig, at: datetime
) -> dict[str, Score]:
    """Scores of every account with a signal in (at - lookback, at]; accounts with none are absent."""
    oldest = at - timedelta(days=settings.lookback_days)
    grouped: dict[str, dict[tuple[str, str], list[Contribution]]] = defaultdict(lambda: defaultdict(list))
    for item in signals:
        if not oldest < item.ts <= at:
            continue
        base = item.points if item.points is not None else severity_points(settings, item.severity)
        factor = decay(settings, at - item.ts)
        grouped[item.account][(item.signal, item.source)].append(
            Contribution(
                evidence=item.evidence, ts=item.ts, severity=item.severity, base=base, decay=factor,
                points=base * factor,
            )
        )  # fmt: skip
    scores = {}
    for account, by_signal in grouped.items():
        lines = []
        for (signal, source), contributions in by_signal.items():
            contributions.sort(key=lambda c: (-c.points, c.ts))
            raw = sum(c.points for c in contributions)
            strongest = max(c.base for c in contributions)
            cap = min(settings.caps.get(signal, settings.signal_cap), settings.repeat_cap * strongest)
            lines.append(
                ScoreLine(
                    signal=signal, source=source, contributions=tuple(contributions), raw=raw, cap=cap,
                    points=min(raw, cap),
                )
            )  # fmt: skip
        lines.sort(key=lambda line: (-line.points, line.signal))
        role = roles.get(account, Role.UNKNOWN)
        weight = role_weight(settings, role)
        subtotal = sum(line.points for line in lines)
        scores[account] = Score(
            account=account, role=role, weight=weight, lines=tuple(lines), subtotal=subtotal,
            total=subtotal * weight,
        )  # fmt: skip
    return scores


_ROLE_ORDER = {Role.UNKNOWN: 0, Role.CONTRACTOR: 1, Role.EMPLOYEE: 2}


def ranked(scores: Mapping[str, Score]) -> list[Score]:
    """Highest score first; on a tie unknown identities, then contractors, then by id."""
    return sorted(scores.values(), key=lambda s: (-round(s.total, 6), _ROLE_ORDER[s.role], s.account))
