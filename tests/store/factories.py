"""Model objects for store tests, every field set so round trips prove something."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sentinel.model import Alert, CommitRef, Event, Finding, Role, Severity
from sentinel.store import ScanContext

T0 = datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC)


def event(i: int = 0, *, ts: datetime | None = None, account: str = "ada", **changes: object) -> Event:
    fields: dict[str, object] = {
        "ts": ts or T0 + timedelta(seconds=i),
        "host": "ws-17",
        "account": account,
        "kind": "file",
        "action": "read",
        "path": f"/srv/customers/export-{i}.csv",
        "dest_path": "",
        "argv": ("cp", "-r", "/srv/customers", "/media/usb"),
        "remote": "",
        "bytes": 1000 + i,
        "pid": 4242,
        "attributed_by": "audit-auid",
        "detail": "ünïcode ✓",
    }
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def alert(*, account: str = "ada", end: datetime = T0) -> Alert:
    return Alert(
        detector="bulk-read",
        severity=Severity.CRITICAL,
        account=account,
        role=Role.CONTRACTOR,
        host="ws-17",
        window_start=end - timedelta(minutes=5),
        window_end=end,
        message="412 distinct files read in 5 minutes",
        attack="T1005",
        evidence=("/srv/customers/a.csv", "/srv/customers/b.csv"),
        base_severity=Severity.HIGH,
        escalation="contractor: +1",
        extra=(("distinct", "412"), ("baseline", "12.5")),
    )


def finding(*, account: str = "ada", commit: bool = True) -> Finding:
    return Finding(
        rule_id="py-exec-remote",
        severity=Severity.HIGH,
        message="exec of a downloaded payload",
        path="app/update.py",
        line=12,
        end_line=14,
        snippet="exec(urlopen(u).read())",
        confidence="high",
        category="backdoor",
        cwe=("CWE-94",),
        attack=("T1059.006",),
        commit=CommitRef(sha="a" * 40, author_name="Ada", author_email="ada@example.com", author_date=T0)
        if commit
        else None,
        account=account,
        role=Role.CONTRACTOR,
        base_severity=Severity.MEDIUM,
        escalation="contractor: +1",
        evidence=("added in a1b2c3",),
    )


def context(*, ts: datetime = T0) -> ScanContext:
    return ScanContext(
        repository="git@example.com:acme/app.git",
        base="1" * 40,
        head="2" * 40,
        pipeline="https://ci.example.com/jobs/7",
        host="runner-3",
        ts=ts,
    )
