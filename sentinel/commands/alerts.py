"""`sentinel alerts` and `sentinel events`: read what the agent stored."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sentinel import output
from sentinel.commands.common import load_config, parse_duration
from sentinel.config import Config
from sentinel.endpoint import eventio
from sentinel.model import Alert, Event, Severity
from sentinel.store import open_store


def store_url(config: Config, cli_url: str | None) -> str:
    """--store, else the config's `store`, else the agent's default SQLite file."""
    if cli_url:
        return cli_url
    if config.store:
        return config.store
    state_dir = config.agent.state_dir
    if not state_dir.is_absolute() and config.source is not None:
        state_dir = config.source.parent / state_dir
    return f"sqlite://{state_dir / 'sentinel.db'}"


def run_alerts(
    *,
    since: str,
    account: str | None,
    detector: str | None,
    min_severity: Severity | None,
    fmt: str,
    config_path: Path | None,
    store: str | None,
) -> int:
    config = load_config(config_path)
    start = datetime.now(UTC) - parse_duration(since)
    handle = open_store(store_url(config, store), migrate=False)
    try:
        alerts = [
            a
            for a in handle.alerts(since=start, account=account)
            if (detector is None or a.detector == detector)
            and (min_severity is None or a.severity.rank >= min_severity.rank)
        ]
    finally:
        handle.close()
    alerts.sort(key=lambda a: a.window_end)
    output.write(_alerts_json(alerts) if fmt == "json" else _alerts_text(alerts))
    return 0


def run_events(
    *,
    since: str,
    account: str | None,
    kind: str | None,
    action: str | None,
    limit: int,
    fmt: str,
    config_path: Path | None,
    store: str | None,
) -> int:
    config = load_config(config_path)
    start = datetime.now(UTC) - parse_duration(since)
    handle = open_store(store_url(config, store), migrate=False)
    try:
        events = []
        for event in handle.events(since=start, account=account):
            if (kind is None or event.kind == kind) and (action is None or event.action == action):
                events.append(event)
                if limit and len(events) >= limit:
                    break
    finally:
        handle.close()
    output.write(_events_json(events) if fmt == "json" else _events_text(events))
    return 0


def alert_dict(alert: Alert) -> dict[str, Any]:
    data = dataclasses.asdict(alert)
    for key in ("window_start", "window_end"):
        data[key] = data[key].isoformat()
    data["evidence"] = list(alert.evidence)
    data["extra"] = dict(alert.extra)
    return data


def _alerts_json(alerts: Iterable[Alert]) -> str:
    return json.dumps({"alerts": [alert_dict(a) for a in alerts]}, indent=2, default=str) + "\n"


def _alerts_text(alerts: list[Alert]) -> str:
    if not alerts:
        return "no alerts\n"
    lines = []
    for alert in alerts:
        role = f" ({alert.role})" if alert.role else ""
        lines.append(
            f"{alert.window_end:%Y-%m-%d %H:%M:%S}Z  {alert.severity.upper():8} {alert.detector:16} "
            f"{alert.account}{role} on {alert.host}  [{alert.attack}]"
        )
        lines.append(f"    {alert.message}")
        if alert.escalation:
            lines.append(f"    severity: {alert.escalation} (base {alert.base_severity})")
        lines.append(f"    window: {alert.window_start:%H:%M:%S} - {alert.window_end:%H:%M:%S} UTC")
        lines.extend(f"    - {item}" for item in alert.evidence)
    lines.append(f"{len(alerts)} alert(s)")
    return "\n".join(lines) + "\n"


def _events_json(events: Iterable[Event]) -> str:
    return json.dumps({"events": [eventio.to_dict(e) for e in events]}, indent=2) + "\n"


def _events_text(events: list[Event]) -> str:
    lines = []
    for e in events:
        what = e.path or " ".join(e.argv) or e.remote
        if e.dest_path and e.kind != "coverage":
            what += f" -> {e.dest_path}"
        extra = f"  {e.detail}" if e.detail else ""
        lines.append(
            f"{e.ts:%Y-%m-%d %H:%M:%S.%f}Z {e.account:12} {e.kind:8} {e.action:16} {what}"
            f"{f'  {e.bytes} B' if e.bytes and e.kind != 'coverage' else ''}  ({e.attributed_by}){extra}"
        )
    lines.append(f"{len(events)} event(s)")
    return "\n".join(lines) + "\n"
