"""The digest as JSON for automation: the same content as the HTML, as data.

`schema` names the layout; times are ISO 8601 in UTC, scores unrounded.
"""

from __future__ import annotations

import json
from typing import Any

from sentinel.reporting.digest.model import AccountReport, Digest, Evidence

SCHEMA = "sentinel.digest/1"


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "signal": e.signal,
        "severity": e.severity.value,
        "title": e.title,
        "when_utc": e.when_utc,
        "when_local": e.when_local,
        "where": e.where,
        "path": e.path,
        "line": e.line,
        "commit": None if e.commit is None else {"sha": e.commit.text, "url": e.commit.url or None},
        "author": e.author,
        "commit_time_utc": e.commit_time_utc,
        "commit_time_local": e.commit_time_local,
        "details": list(e.details),
    }


def _account(r: AccountReport) -> dict[str, Any]:
    s = r.score
    return {
        "rank": r.rank,
        "id": r.id,
        "name": r.name,
        "role": r.role.value,
        "timezone": r.timezone,
        "country": r.country,
        "score": s.total,
        "previous": r.previous,
        "change": r.change,
        "weight": s.weight,
        "subtotal": s.subtotal,
        "explanation": s.explain(),
        "lines": [
            {
                "signal": line.signal,
                "source": line.source,
                "raw": line.raw,
                "cap": line.cap,
                "capped": line.capped,
                "points": line.points,
                "contributions": [
                    {
                        "evidence": c.evidence,
                        "ts": c.ts.isoformat(),
                        "severity": c.severity.value,
                        "base": c.base,
                        "decay": c.decay,
                        "points": c.points,
                    }
                    for c in line.contributions
                ],
            }
            for line in s.lines
        ],
        "evidence": [_evidence(e) for e in r.evidence],
        "more_evidence": r.more_evidence,
        "activity": None
        if r.activity is None
        else {
            "days": [{"day": d.isoformat(), "events": n} for d, n in r.activity.days],
            "baseline_median": r.activity.baseline,
            "baseline_p90": r.activity.baseline_high,
            "baseline_days": r.activity.baseline_days,
        },
        "offsets": None
        if r.offsets is None
        else {
            "seen": [{"offset_minutes": m, "commits": n} for m, n in r.offsets.seen],
            "declared_minutes": list(r.offsets.declared),
            "timezone": r.offsets.timezone,
        },
    }


def to_dict(digest: Digest) -> dict[str, Any]:
    p = digest.period
    return {
        "schema": SCHEMA,
        "period": {"label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat()},
        "generated": digest.generated.isoformat(),
        "timezone": digest.timezone,
        "headline": [
            {"key": i.key, "label": i.label, "value": i.value, "previous": i.previous, "change": i.change}
            for i in digest.headline
        ],
        "attention_score": digest.attention_score,
        "ranking": [
            {"account": a, "role": role.value, "score": total, "previous": prev}
            for a, role, total, prev in digest.ranking
        ],
        "accounts": [_account(r) for r in digest.accounts],
        "timeline": [
            {
                "account": t.account,
                "kind": t.kind,
                "ts": t.ts.isoformat(),
                "severity": t.severity.value,
                "signal": t.label,
                "evidence": t.evidence or None,
                "count": t.count,
            }
            for t in digest.timeline
        ],
        "notes": list(digest.notes),
        "sources": dict(digest.sources),
        "method": digest.method,
    }


def render(digest: Digest) -> str:
    return json.dumps(to_dict(digest), indent=2, ensure_ascii=False) + "\n"
