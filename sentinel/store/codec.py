"""Model dataclasses <-> database rows.

Serialisation lives here, at the store's edge (ARCHITECTURE.md): the model
knows nothing about columns. Each engine supplies a Dialect saying how it
holds times (SQLite: integer microseconds UTC; PostgreSQL: timestamptz) and
JSON (SQLite: text; PostgreSQL: jsonb, sent as text and read back decoded).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sentinel.model import Alert, CommitRef, Event, Finding, Role, Severity
from sentinel.store import Coverage, Rollup, ScanContext, StoredFinding

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def micros(ts: datetime) -> int:
    """Microseconds since the epoch; refuses naive datetimes (they mean nothing in a fleet)."""
    if ts.tzinfo is None:
        raise ValueError(f"naive datetime {ts.isoformat()} given to the store")
    delta = ts - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(value: int) -> datetime:
    return datetime.fromtimestamp(value // 1_000_000, UTC).replace(microsecond=value % 1_000_000)


def _aware(ts: datetime) -> datetime:
    if ts.tzinfo is None:
        raise ValueError(f"naive datetime {ts.isoformat()} given to the store")
    return ts.astimezone(UTC)


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


@dataclass(frozen=True, slots=True, kw_only=True)
class Dialect:
    ts_in: Callable[[datetime], Any]
    ts_out: Callable[[Any], datetime]
    json_in: Callable[[Any], Any]
    json_out: Callable[[Any], Any]


SQLITE = Dialect(ts_in=micros, ts_out=from_micros, json_in=json.dumps, json_out=_loads)
POSTGRESQL = Dialect(
    ts_in=_aware,
    ts_out=lambda value: value.astimezone(UTC),
    json_in=json.dumps,
    json_out=_loads,
)

EVENT_COLUMNS = (
    "ts", "host", "account", "kind", "action", "path", "dest_path", "argv",
    "remote", "bytes", "pid", "attributed_by", "detail",
)  # fmt: skip


def event_row(d: Dialect, e: Event) -> tuple[Any, ...]:
    return (
        d.ts_in(e.ts), e.host, e.account, e.kind, e.action, e.path, e.dest_path,
        d.json_in(list(e.argv)) if e.argv else "[]", e.remote, e.bytes, e.pid, e.attributed_by, e.detail,
    )  # fmt: skip


def event_from(d: Dialect, row: Sequence[Any]) -> Event:
    ts, host, account, kind, action, path, dest_path, argv, remote, size, pid, attributed_by, detail = row
    return Event(
        ts=d.ts_out(ts), host=host, account=account, kind=kind, action=action, path=path,
        dest_path=dest_path, argv=tuple(d.json_out(argv)), remote=remote, bytes=size, pid=pid,
        attributed_by=attributed_by, detail=detail,
    )  # fmt: skip


ALERT_COLUMNS = (
    "uid", "created", "detector", "severity", "account", "role", "host", "window_start",
    "window_end", "message", "attack", "evidence", "base_severity", "escalation", "extra",
)  # fmt: skip


def alert_row(d: Dialect, a: Alert, *, uid: str, created: datetime) -> tuple[Any, ...]:
    return (
        uid, d.ts_in(created), a.detector, a.severity.value, a.account, a.role.value, a.host,
        d.ts_in(a.window_start), d.ts_in(a.window_end), a.message, a.attack,
        d.json_in(list(a.evidence)), a.base_severity.value if a.base_severity else None,
        a.escalation, d.json_in([list(pair) for pair in a.extra]),
    )  # fmt: skip


def alert_from(d: Dialect, row: Sequence[Any]) -> Alert:
    (_uid, _created, detector, severity, account, role, host, start, end, message, attack,
     evidence, base, escalation, extra) = row  # fmt: skip
    return Alert(
        detector=detector, severity=Severity(severity), account=account, role=Role(role),
        host=host, window_start=d.ts_out(start), window_end=d.ts_out(end), message=message,
        attack=attack, evidence=tuple(d.json_out(evidence)),
        base_severity=Severity(base) if base else None, escalation=escalation,
        extra=tuple((str(k), str(v)) for k, v in d.json_out(extra)),
    )  # fmt: skip


CONTEXT_COLUMNS = ("uid", "repository", "base", "head", "pipeline", "host", "ts")


def context_row(d: Dialect, c: ScanContext, *, uid: str) -> tuple[Any, ...]:
    return (uid, c.repository, c.base, c.head, c.pipeline, c.host, d.ts_in(c.ts))


def context_from(d: Dialect, row: Sequence[Any]) -> ScanContext:
    _uid, repository, base, head, pipeline, host, ts = row
    return ScanContext(
        repository=repository, base=base, head=head, pipeline=pipeline, host=host, ts=d.ts_out(ts)
    )


FINDING_COLUMNS = (
    "uid", "context_uid", "ts", "rule_id", "severity", "message", "path", "line", "end_line",
    "snippet", "confidence", "category", "cwe", "attack", "commit_ref", "account", "role",
    "base_severity", "escalation", "evidence", "fingerprint",
)  # fmt: skip

# A finding's snippet is the flagged line, kept as evidence; a minified file's
# "line" could be the whole file, and the store keeps metadata, not contents.
SNIPPET_LIMIT = 500


def _commit_json(c: CommitRef | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "sha": c.sha,
        "author_name": c.author_name,
        "author_email": c.author_email,
        "author_date": c.author_date.isoformat() if c.author_date else None,
    }


def _commit_from(value: Any) -> CommitRef | None:
    if value is None:
        return None
    date = value.get("author_date")
    return CommitRef(
        sha=value["sha"],
        author_name=value["author_name"],
        author_email=value["author_email"],
        author_date=datetime.fromisoformat(date) if date else None,
    )


def finding_row(d: Dialect, f: Finding, *, uid: str, context_uid: str, ts: datetime) -> tuple[Any, ...]:
    commit = _commit_json(f.commit)
    return (
        uid, context_uid, d.ts_in(ts), f.rule_id, f.severity.value, f.message, f.path, f.line,
        f.end_line, f.snippet[:SNIPPET_LIMIT], f.confidence, f.category, d.json_in(list(f.cwe)),
        d.json_in(list(f.attack)), None if commit is None else d.json_in(commit), f.account,
        f.role.value, f.base_severity.value if f.base_severity else None, f.escalation,
        d.json_in(list(f.evidence)), f.fingerprint,
    )  # fmt: skip


def finding_from(d: Dialect, row: Sequence[Any]) -> Finding:
    (_uid, _context, _ts, rule_id, severity, message, path, line, end_line, snippet, confidence,
     category, cwe, attack, commit, account, role, base, escalation, evidence, _fp) = row  # fmt: skip
    return Finding(
        rule_id=rule_id, severity=Severity(severity), message=message, path=path, line=line,
        end_line=end_line, snippet=snippet, confidence=confidence, category=category,
        cwe=tuple(d.json_out(cwe)), attack=tuple(d.json_out(attack)),
        commit=_commit_from(None if commit is None else d.json_out(commit)), account=account,
        role=Role(role), base_severity=Severity(base) if base else None, escalation=escalation,
        evidence=tuple(d.json_out(evidence)),
    )  # fmt: skip


def stored_finding_from(d: Dialect, row: Sequence[Any]) -> StoredFinding:
    """A findings row followed by its context's CONTEXT_COLUMNS."""
    split = len(FINDING_COLUMNS)
    return StoredFinding(finding=finding_from(d, row[:split]), context=context_from(d, row[split:]))


ROLLUP_COLUMNS = (
    "uid",
    "hour",
    "host",
    "account",
    "kind",
    "action",
    "count",
    "bytes",
    "distinct_paths",
    "rev",
)


def rollup_from(d: Dialect, row: Sequence[Any]) -> Rollup:
    _uid, hour, host, account, kind, action, count, size, distinct, _rev = row
    return Rollup(
        hour=d.ts_out(hour), host=host, account=account, kind=kind, action=action,
        count=count, bytes=size, distinct_paths=distinct,
    )  # fmt: skip


COVERAGE_COLUMNS = ("uid", "ts", "host", "source", "kind", "count", "detail")


def coverage_row(d: Dialect, c: Coverage, *, uid: str) -> tuple[Any, ...]:
    return (uid, d.ts_in(c.ts), c.host, c.source, c.kind, c.count, c.detail)


def coverage_from(d: Dialect, row: Sequence[Any]) -> Coverage:
    _uid, ts, host, source, kind, count, detail = row
    return Coverage(ts=d.ts_out(ts), host=host, source=source, kind=kind, count=count, detail=detail)
