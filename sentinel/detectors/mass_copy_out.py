"""mass-copy-out: many files or bytes written to removable media or cloud-sync folders.

Why it matters: copying a tree to a USB stick, a network share or a Dropbox
folder is the cheapest way data leaves a workstation (ATT&CK T1052.001,
Exfiltration over USB; T1567.002, Exfiltration to Cloud Storage).

How: `transfer` events (writes under a removable or network mount, emitted
by the mounts source) and file writes whose path matches `cloud_sync` in
rules/activity.yaml; distinct files and their bytes per account in a sliding
window, alerting when either passes its threshold. One alert per burst.

False positives: a photo import to a cloud folder, a planned backup to an
approved drive; raise the thresholds for that account or role.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sentinel.detectors.base import WRITES_OF_FILES, Context, SlidingSet, human_bytes
from sentinel.model import Alert, Event, Severity

ID = "mass-copy-out"
_WRITES = frozenset({"write", "create", "move"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    window_seconds: float = 600.0
    files: int = 200
    bytes: int = 200 * 1024 * 1024
    severity: str = "high"


@dataclass(slots=True)
class _State:
    window: SlidingSet
    settings: Settings
    armed: bool = True
    destinations: set[str] = field(default_factory=set)


class MassCopyOut:
    id = ID
    consumes = WRITES_OF_FILES

    def __init__(self, context: Context) -> None:
        self._context = context
        self._states: dict[tuple[str, str], _State] = {}

    def _destination(self, event: Event) -> tuple[str, str] | None:
        """(kind, where) when the event writes to a destination, else None."""
        if event.action not in _WRITES:
            return None
        if event.kind == "transfer":
            return "removable or network mount", event.dest_path or "mount"
        path = event.dest_path if event.action == "move" else event.path
        if event.kind == "file" and path and self._context.rules.is_cloud_sync(path):
            return "cloud-sync folder", path.rsplit("/", 1)[0]
        return None

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        where = self._destination(event)
        if where is None:
            return
        key = (event.host, event.account)
        state = self._states.get(key)
        if state is None:
            settings = self._context.settings(Settings, ID, event.account)
            state = _State(window=SlidingSet(timedelta(seconds=settings.window_seconds)), settings=settings)
            self._states[key] = state
        path = event.dest_path if event.action == "move" and event.kind == "file" else event.path
        state.window.add(event.ts, path, event.bytes)
        state.window.expire(max(now, event.ts))
        state.destinations.add(f"{where[0]}: {where[1]}")
        count, size = len(state.window), state.window.total_bytes
        over = count >= state.settings.files or size >= state.settings.bytes
        if not state.armed:
            state.armed = count < state.settings.files / 2 and size < state.settings.bytes / 2
            return
        if not over:
            return
        state.armed = False
        attack = "T1052.001" if where[0].startswith("removable") else "T1567.002"
        start = state.window.start or event.ts
        yield self._context.alert(
            detector=ID,
            severity=Severity(state.settings.severity),
            event=event,
            start=start,
            end=event.ts,
            message=f"{event.account} wrote {count} files ({human_bytes(size)}) to {where[0]} {where[1]}",
            attack=attack,
            evidence=(
                f"files: {count} (threshold {state.settings.files})",
                f"bytes: {human_bytes(size)} (threshold {human_bytes(state.settings.bytes)})",
                *sorted(state.destinations)[:5],
                *(f"top dir: {d}" for d in state.window.top_dirs()),
            ),
        )
        state.destinations.clear()

    def tick(self, now: datetime) -> Iterator[Alert]:
        for state in self._states.values():
            state.window.expire(now)
            if (
                len(state.window) < state.settings.files / 2
                and state.window.total_bytes < state.settings.bytes / 2
            ):
                state.armed = True
        return iter(())
