"""bulk-read: one account reading far more distinct files than it usually does.

Why it matters: collection before exfiltration (a departing contractor
copying a source tree, a customer export read end to end) shows first as
reads of many distinct files in a short time (ATT&CK T1005, Data from Local
System).

How: distinct files read per account in a sliding window, compared with
max(`floor`, `k` x the account's own robust baseline). The baseline is the
median of the account's past window counts (tumbling windows); an account
with too little history is compared with the median of its peers' baselines.
One alert per burst: the detector re-arms once the window falls below half
the threshold. At start and on reload the agent seeds the history and the
current window from the stored reads of the last `history` windows, so a
restart neither resets a baseline nor empties a window mid-burst (a window
already over its threshold then is taken as alerted by the previous run).

False positives: a full-text indexer, a backup or an IDE opening a project
for the first time; add their trees to `ignore` or raise the floor for the
account in rules/activity.yaml.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sentinel.detectors.base import Context, SlidingSet, human_bytes
from sentinel.model import Alert, Event, Severity

ID = "bulk-read"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    window_seconds: float = 300.0
    floor: int = 500
    k: float = 5.0
    history: int = 48  # past windows kept per account for the baseline
    min_history: int = 6  # fewer than this: compare with peers
    severity: str = "medium"


@dataclass(slots=True)
class _Account:
    window: SlidingSet
    settings: Settings
    width: timedelta
    threshold: float
    bucket_start: datetime | None = None
    bucket_count: int = 0
    bucket_keys: set[str] = field(default_factory=set)
    history: list[int] = field(default_factory=list)
    armed: bool = True


class BulkRead:
    id = ID
    consumes = frozenset({("file", "read")})

    def __init__(self, context: Context) -> None:
        self._context = context
        self._accounts: dict[tuple[str, str], _Account] = {}

    def _state(self, event: Event) -> _Account:
        key = (event.host, event.account)
        state = self._accounts.get(key)
        if state is None:
            settings = self._context.settings(Settings, ID, event.account)
            width = timedelta(seconds=settings.window_seconds)
            state = _Account(
                window=SlidingSet(width), settings=settings, width=width, threshold=settings.floor
            )
            self._accounts[key] = state
            state.threshold = self._threshold(state)
        return state

    def baseline(self, state: _Account) -> float:
        """The account's median window count, else its peers' median, else 0."""
        if len(state.history) >= state.settings.min_history:
            return statistics.median(state.history)
        peers = [
            statistics.median(s.history)
            for s in self._accounts.values()
            if s is not state and len(s.history) >= s.settings.min_history
        ]
        return statistics.median(peers) if peers else 0.0

    def lookback(self) -> timedelta:
        rules = self._context.rules
        every = [rules.settings(Settings, ID)]
        every += [self._context.settings(Settings, ID, a.id) for a in self._context.directory.accounts]
        return max(timedelta(seconds=s.window_seconds * (s.history + 1)) for s in every)

    def seed(self, events: Iterable[Event], now: datetime) -> int:
        used = 0
        for event in events:
            if event.kind != "file" or event.action != "read":
                continue
            state = self._state(event)
            self._roll(state, event.ts, event.path)
            state.window.add(event.ts, event.path, event.bytes)
            state.window.expire(event.ts)
            used += 1
        for state in self._accounts.values():
            state.threshold = self._threshold(state)
            state.window.expire(now)
            state.armed = len(state.window) < state.threshold
        return used

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.kind != "file" or event.action != "read":
            return
        state = self._state(event)
        self._roll(state, event.ts, event.path)
        state.window.add(event.ts, event.path, event.bytes)
        state.window.expire(max(now, event.ts))
        yield from self._check(state, event)

    def tick(self, now: datetime) -> Iterator[Alert]:
        for state in self._accounts.values():
            # Peers' baselines move too; thresholds are refreshed here, not per event.
            state.threshold = self._threshold(state)
            state.window.expire(now)
            if not state.armed and len(state.window) < state.threshold / 2:
                state.armed = True
        return
        yield  # pragma: no cover (makes this a generator)

    def _roll(self, state: _Account, ts: datetime, path: str) -> None:
        # Tumbling windows feed the baseline; the sliding window decides alerts.
        width = state.width
        if state.bucket_start is None:
            state.bucket_start = ts
        while ts - state.bucket_start >= width:
            if state.bucket_keys:
                state.history.append(len(state.bucket_keys))
                del state.history[: -state.settings.history]
                state.threshold = self._threshold(state)
            state.bucket_keys = set()
            state.bucket_start += width
            if ts - state.bucket_start >= width * 2:  # idle for long: jump ahead
                state.bucket_start = ts
        state.bucket_keys.add(path)

    def _threshold(self, state: _Account) -> float:
        return max(float(state.settings.floor), state.settings.k * self.baseline(state))

    def _check(self, state: _Account, event: Event) -> Iterator[Alert]:
        threshold = state.threshold
        count = len(state.window)
        if not state.armed:
            if count < threshold / 2:
                state.armed = True
            return
        if count < threshold:
            return
        state.armed = False
        start = state.window.start or event.ts
        baseline = self.baseline(state)
        yield self._context.alert(
            detector=ID,
            severity=Severity(state.settings.severity),
            event=event,
            start=start,
            end=event.ts,
            message=(
                f"{event.account} read {count} distinct files in {(event.ts - start).total_seconds():.0f} s "
                f"on {event.host} (threshold {threshold:.0f})"
            ),
            attack="T1005",
            evidence=(
                f"distinct files: {count}",
                f"bytes: {human_bytes(state.window.total_bytes)}",
                f"threshold: {threshold:.0f} = max(floor {state.settings.floor}, "
                f"{state.settings.k:g} x baseline {baseline:g})",
                *(f"top dir: {d}" for d in state.window.top_dirs()),
            ),
        )
