"""Elastic Common Schema documents for events, alerts, findings and coverage records.

One JSON object per line (NDJSON) is what Filebeat, Vector and OpenTelemetry
collectors ingest, so sentinel's data reaches Elastic, Splunk or Kafka at fleet
scale without a custom shipper. Fields follow ECS 8.x; what ECS has no field
for lives under `sentinel.*` (custom fields belong in their own namespace).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sentinel.model import Alert, Event, Severity
from sentinel.store import Coverage, StoredFinding

ECS_VERSION = "8.11.0"

# ECS leaves event.severity's scale to the source; these are the values Elastic's
# own detection rules use for low/medium/high/critical.
SEVERITY_SCORE = {
    Severity.INFO: 1,
    Severity.LOW: 21,
    Severity.MEDIUM: 47,
    Severity.HIGH: 73,
    Severity.CRITICAL: 99,
}

# event.category / event.type per sentinel (kind, action); unknown actions are "info".
_CATEGORY = {
    "file": "file",
    "transfer": "file",
    "mount": "file",
    "process": "process",
    "network": "network",
    "coverage": "host",
}
_TYPE = {
    "read": "access",
    "open": "access",
    "write": "change",
    "move": "change",
    "create": "creation",
    "delete": "deletion",
    "exec": "start",
    "connect": "connection",
}
_NETWORK_REPO_ACTIONS = {"push", "fetch", "clone", "bundle", "archive"}


def _ts(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def _prune(doc: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values so documents carry only what was observed."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if isinstance(value, dict):
            value = _prune(value)
        if value in ("", None, [], {}):
            continue
        out[key] = value
    return out


def _base(kind: str, dataset: str) -> dict[str, Any]:
    event = {"kind": kind, "module": "sentinel", "dataset": dataset}
    return {"ecs": {"version": ECS_VERSION}, "event": event}


def event_doc(e: Event) -> dict[str, Any]:
    if e.kind == "repo":
        category = "network" if e.action in _NETWORK_REPO_ACTIONS else "file"
    else:
        category = _CATEGORY.get(e.kind, "host")
    doc = _base("event", "sentinel.events")
    doc["event"].update(category=[category], type=[_TYPE.get(e.action, "info")], action=e.action)
    doc.update(
        {
            "@timestamp": _ts(e.ts),
            "host": {"name": e.host},
            "user": {"name": e.account},
            "file": {"path": e.path},
            "process": {
                "pid": e.pid,
                "args": list(e.argv),
                "args_count": len(e.argv) or None,
                "name": e.argv[0].rsplit("/", 1)[-1] if e.argv else "",
            },
            "destination": {"address": e.remote},
            "message": e.detail,
            "sentinel": {
                "kind": e.kind,
                "bytes": e.bytes or None,
                "dest_path": e.dest_path,
                "attributed_by": e.attributed_by,
            },
        }
    )
    return _prune(doc)


def _threat(attack: tuple[str, ...]) -> dict[str, Any]:
    if not attack:
        return {}
    return {"framework": "MITRE ATT&CK", "technique": {"id": list(attack)}}


def alert_doc(a: Alert) -> dict[str, Any]:
    doc = _base("alert", "sentinel.alerts")
    doc["event"].update(
        category=["intrusion_detection"],
        type=["info"],
        action=a.detector,
        severity=SEVERITY_SCORE[a.severity],
        start=_ts(a.window_start),
        end=_ts(a.window_end),
    )
    doc.update(
        {
            "@timestamp": _ts(a.window_end),
            "host": {"name": a.host},
            "user": {"name": a.account, "roles": [a.role.value]},
            "rule": {"id": a.detector, "name": a.detector},
            "threat": _threat((a.attack,) if a.attack else ()),
            "message": a.message,
            "log": {"level": a.severity.value},
            "sentinel": {
                "severity": a.severity.value,
                "base_severity": a.base_severity.value if a.base_severity else "",
                "escalation": a.escalation,
                "evidence": list(a.evidence),
                "extra": dict(a.extra),
            },
        }
    )
    return _prune(doc)


def finding_doc(s: StoredFinding) -> dict[str, Any]:
    f, c = s.finding, s.context
    doc = _base("alert", "sentinel.findings")
    doc["event"].update(
        category=["intrusion_detection"], type=["info"], action=f.rule_id, severity=SEVERITY_SCORE[f.severity]
    )
    commit = f.commit
    doc.update(
        {
            "@timestamp": _ts(c.ts),
            "host": {"name": c.host},
            "user": {
                "name": f.account,
                "roles": [f.role.value],
                "email": commit.author_email if commit else "",
            },
            "rule": {"id": f.rule_id, "category": f.category},
            "threat": _threat(f.attack),
            "file": {"path": f.path},
            "vulnerability": {"classification": "CWE" if f.cwe else "", "id": list(f.cwe)},
            "message": f.message,
            "log": {"level": f.severity.value},
            "sentinel": {
                "severity": f.severity.value,
                "base_severity": f.base_severity.value if f.base_severity else "",
                "escalation": f.escalation,
                "confidence": f.confidence,
                "fingerprint": f.fingerprint,
                "line": f.line,
                "end_line": f.end_line,
                "evidence": list(f.evidence),
                "commit": {
                    "sha": commit.sha if commit else "",
                    "author": commit.author_name if commit else "",
                    "date": _ts(commit.author_date) if commit and commit.author_date else "",
                },
                "scan": {"repository": c.repository, "base": c.base, "head": c.head, "pipeline": c.pipeline},
            },
        }
    )
    return _prune(doc)


def coverage_doc(r: Coverage) -> dict[str, Any]:
    doc = _base("event", "sentinel.coverage")
    doc["event"].update(category=["host"], type=["info"], action=r.kind)
    doc.update(
        {
            "@timestamp": _ts(r.ts),
            "host": {"name": r.host},
            "message": r.detail,
            "sentinel": {"kind": "coverage", "source": r.source, "count": r.count},
        }
    )
    return _prune(doc)
