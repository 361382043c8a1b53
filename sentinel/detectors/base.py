"""The detector contract and what every detector shares.

A detector is pure: events and the current time in, alerts out. It never
touches the store, the clock or the network, so the same code runs in the
daemon, in golden tests and over replayed history.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol, TypeVar, runtime_checkable

from sentinel.config import WeightsConfig
from sentinel.detectors.activity import ActivityRules
from sentinel.identities import Directory
from sentinel.model import UNKNOWN_ACCOUNT, Account, Alert, Event, Role, Severity

S = TypeVar("S")


# (event kind, action) pairs a detector reads; the action "*" stands for every action.
Consumes = frozenset[tuple[str, str]]
WRITES_OF_FILES: Consumes = frozenset(
    (kind, action) for kind in ("file", "transfer") for action in ("write", "create", "move")
)


class Detector(Protocol):
    id: str
    # Declared so that the writer hands each detector only what it reads: most events
    # are file reads, which two detectors of eleven look at (see `Router`).
    consumes: Consumes

    def feed(self, event: Event, now: datetime) -> Iterable[Alert]:
        """Consume one persisted event; return the alerts it completes."""

    def tick(self, now: datetime) -> Iterable[Alert]:
        """Expire windows; called periodically even when no events arrive."""


def consumes(detector: Detector, kind: str, action: str) -> bool:
    return (kind, action) in detector.consumes or (kind, "*") in detector.consumes


class Router:
    """The detectors each event goes to, worked out once per (kind, action)."""

    def __init__(self, detectors: Iterable[Detector]) -> None:
        self.detectors = tuple(detectors)
        self._routes: dict[tuple[str, str], tuple[Detector, ...]] = {}

    def __call__(self, event: Event) -> tuple[Detector, ...]:
        key = (event.kind, event.action)
        route = self._routes.get(key)
        if route is None:
            route = self._routes[key] = tuple(d for d in self.detectors if consumes(d, *key))
        return route


@runtime_checkable
class Seeded(Protocol):
    """A detector whose learned state is rebuilt from stored events when it is built.

    Without it a restart (or a reload) starts every baseline from nothing, and
    stopping the agent would be a way to reset one. The caller reads the events
    (detectors never touch the store) and passes them oldest first.
    """

    def lookback(self) -> timedelta:
        """How far back the stored events it needs go."""

    def seed(self, events: Iterable[Event], now: datetime) -> int:
        """Learn from past events (no alerts); returns how many it used."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What a detector is built from: rule data, the directory, role weights."""

    rules: ActivityRules
    directory: Directory = field(default_factory=Directory)
    weights: WeightsConfig = field(default_factory=WeightsConfig)
    # The agent's watched trees (absolute): transfer detectors ask whether a command touches them.
    watched: tuple[str, ...] = ()
    # Lookups memoised per run: detectors ask for the same few accounts per event.
    _accounts: dict[str, Account] = field(default_factory=dict, repr=False, compare=False)
    _settings: dict[tuple[type, str, str], object] = field(default_factory=dict, repr=False, compare=False)

    def account(self, account_id: str) -> Account:
        found = self._accounts.get(account_id)
        if found is None:
            found = self.directory.by_id(account_id) or Account(id=account_id, role=Role.UNKNOWN)
            self._accounts[account_id] = found
        return found

    def settings(self, cls: type[S], detector: str, account_id: str) -> S:
        """The detector's settings for an account, built once per run."""
        key = (cls, detector, account_id)
        found = self._settings.get(key)
        if found is None:
            found = self.rules.settings(cls, detector, self.account(account_id))
            self._settings[key] = found
        return found  # type: ignore[return-value]

    def weigh(self, severity: Severity, account: Account) -> tuple[Severity, Severity | None, str]:
        """The severity raised by the account's role; the base and a reason when it moved."""
        steps = getattr(self.weights, account.role.value, 0)
        if not steps:
            return severity, None, ""
        return severity.raised(steps), severity, f"role {account.role.value} weighs +{steps}"

    def alert(
        self,
        *,
        detector: str,
        severity: Severity,
        event: Event,
        start: datetime,
        end: datetime,
        message: str,
        attack: str,
        evidence: tuple[str, ...],
    ) -> Alert:
        account = self.account(event.account) if event.account else UNKNOWN_ACCOUNT
        weighted, base, why = self.weigh(severity, account)
        return Alert(
            detector=detector,
            severity=weighted,
            account=event.account or UNKNOWN_ACCOUNT.id,
            role=account.role,
            host=event.host,
            window_start=start,
            window_end=end,
            message=message,
            attack=attack,
            evidence=evidence,
            base_severity=base,
            escalation=why,
        )


class SlidingSet:
    """Distinct keys seen in the last `window`, with the bytes each carried."""

    def __init__(self, window: timedelta) -> None:
        self.window = window
        self._items: collections.deque[tuple[datetime, str, int]] = collections.deque()
        self._counts: collections.Counter[str] = collections.Counter()
        self._bytes: dict[str, int] = {}

    def add(self, ts: datetime, key: str, size: int) -> None:
        self._items.append((ts, key, size))
        self._counts[key] += 1
        self._bytes[key] = max(size, self._bytes.get(key, 0))

    def expire(self, now: datetime) -> None:
        horizon = now - self.window
        while self._items and self._items[0][0] < horizon:
            _, key, _ = self._items.popleft()
            self._counts[key] -= 1
            if self._counts[key] <= 0:
                del self._counts[key]
                self._bytes.pop(key, None)

    def __len__(self) -> int:
        return len(self._counts)

    @property
    def total_bytes(self) -> int:
        return sum(self._bytes.values())

    @property
    def start(self) -> datetime | None:
        return self._items[0][0] if self._items else None

    def top_dirs(self, limit: int = 5) -> tuple[str, ...]:
        """The directories holding most of the keys, as 'dir (n)'."""
        dirs: collections.Counter[str] = collections.Counter(k.rsplit("/", 1)[0] or "/" for k in self._counts)
        return tuple(f"{d} ({n})" for d, n in dirs.most_common(limit))


def human_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover (loop always returns)
