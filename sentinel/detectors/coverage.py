"""coverage: the agent could not see everything, or was stopped.

Why it matters: an insider who disables monitoring before collecting data
leaves exactly one trace: the gap. Stopping the agent, killing it, an
inotify or internal queue overflow, lost audit records and unreadable
watched paths all mean events may be missing (ATT&CK T1562.001, Impair
Defenses: Disable or Modify Tools).

How: `coverage` events written by the daemon. Routine ones (start, heartbeat,
reload) raise nothing; the rest raise one alert per host, action and
`repeat_seconds`, so an overflow storm is one alert, not thousands.

False positives: package upgrades and reboots stop the agent cleanly
(`agent-stop` with a reason of SIGTERM); correlate with change windows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.detectors.base import Context
from sentinel.model import Alert, Event, Severity

ID = "coverage"

# action -> (base severity, what it means)
_ACTIONS = {
    "agent-stop": (Severity.MEDIUM, "the agent was stopped"),
    "unclean-stop": (Severity.HIGH, "the agent died without stopping (killed or crashed); activity unseen"),
    "heartbeat-gap": (Severity.MEDIUM, "the agent was not running (suspended?) between heartbeats"),
    "inotify-overflow": (Severity.MEDIUM, "the kernel dropped file events (inotify queue overflow)"),
    "queue-full": (Severity.MEDIUM, "the agent's queue was full; events were counted and dropped"),
    "audit-lost": (Severity.MEDIUM, "the kernel lost audit records"),
    "watch-error": (Severity.LOW, "a watched path could not be watched"),
    "audit-unavailable": (Severity.LOW, "audit was requested but is not available; attribution is weaker"),
    "source-error": (Severity.MEDIUM, "a source failed and was restarted"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    repeat_seconds: float = 600.0


class Coverage:
    id = ID
    consumes = frozenset({("coverage", "*")})

    def __init__(self, context: Context) -> None:
        self._context = context
        self._last: dict[tuple[str, str, str], datetime] = {}

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.kind != "coverage" or event.action not in _ACTIONS:
            return
        severity, meaning = _ACTIONS[event.action]
        settings = self._context.settings(Settings, ID, event.account)
        key = (event.host, event.action, event.path)
        last = self._last.get(key)
        if last is not None and event.ts - last < timedelta(seconds=settings.repeat_seconds):
            return
        self._last[key] = event.ts
        start = event.ts
        evidence: tuple[str, ...] = (meaning,)
        if event.detail:
            evidence += (event.detail,)
        if event.path:
            evidence += (f"path: {event.path}",)
        if event.bytes:
            evidence += (f"count: {event.bytes}",)
        if event.dest_path:  # gap events carry the last time the agent was seen alive
            with contextlib.suppress(ValueError):
                start = datetime.fromisoformat(event.dest_path)
        yield self._context.alert(
            detector=ID,
            severity=severity,
            event=event,
            start=min(start, event.ts),
            end=event.ts,
            message=f"coverage on {event.host}: {meaning}",
            attack="T1562.001",
            evidence=evidence,
        )

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())
