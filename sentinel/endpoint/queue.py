"""A bounded hand-off between sources (many threads) and the writer (one).

Sources never block: a full queue counts what it refused, and the writer
records that count as a `queue-full` coverage event, so nothing is dropped
silently, and says of which kinds (a busy host's process events must not be
mistaken for lost file events). Coverage events bypass the bound: they are
few and must not be lost.
"""

from __future__ import annotations

import collections
import threading

from sentinel.model import Event


class EventQueue:
    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._items: collections.deque[Event] = collections.deque()
        self._lock = threading.Lock()
        self._dropped: collections.Counter[str] = collections.Counter()
        self._wake = threading.Event()

    def put(self, event: Event) -> bool:
        """Queue `event`; False (and counted) when full."""
        # deque.append is atomic; the size check may overshoot by a few under
        # contention, which is harmless for a memory bound.
        if len(self._items) >= self.maxsize:
            with self._lock:
                self._dropped[event.kind] += 1
            return False
        self._items.append(event)
        return True

    def put_control(self, event: Event) -> None:
        """Queue an event that must never be refused (coverage, lifecycle)."""
        self._items.append(event)
        self._wake.set()

    def drain(self, limit: int) -> list[Event]:
        items = self._items
        batch = []
        for _ in range(min(limit, len(items))):
            batch.append(items.popleft())
        return batch

    def take_dropped(self) -> collections.Counter[str]:
        """Events refused since the last call, per kind."""
        with self._lock:
            dropped, self._dropped = self._dropped, collections.Counter()
        return dropped

    def wait(self, timeout: float) -> None:
        """Sleep up to `timeout`, waking early for control events."""
        self._wake.wait(timeout)
        self._wake.clear()

    def __len__(self) -> int:
        return len(self._items)
