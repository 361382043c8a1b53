"""Detectors learn from stored events before they see new ones, without stopping the writer.

A restart must not reset a baseline (detectors/base.py `Seeded`). Reading
hours of stored events takes seconds on a busy host (200,000 events: ~7 s
here under load); the writer keeps persisting meanwhile, so the queue does not
overflow, and holds the new events back from the detectors until seeding is
done, then feeds them in order. A read event both seeded and fed (stored
just as seeding read the store) is harmless: windows count distinct files.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime

from sentinel.detectors.base import Detector, Seeded
from sentinel.model import Event
from sentinel.store import Store

log = logging.getLogger(__name__)

# Stored events read to seed one detector: bounds the time and memory seeding takes.
SEED_LIMIT = 1_000_000


class Seeding(threading.Thread):
    """Seeds `detectors` from a store connection of its own."""

    def __init__(
        self, detectors: Sequence[Detector], open_store: Callable[[], Store], host: str | None = None
    ) -> None:
        super().__init__(name="sentinel-seed", daemon=True)
        self.detectors = tuple(detectors)
        self._open_store = open_store
        # A central store holds every host's events: only this host's feed its detectors.
        self._host = host
        self._cancel = threading.Event()
        self.errors = 0

    def cancel(self) -> None:
        """Stop reading (newer detectors replace these): they keep what they learned so far."""
        self._cancel.set()

    def run(self) -> None:
        seeded = [d for d in self.detectors if isinstance(d, Seeded)]
        if not seeded:
            return
        try:
            store = self._open_store()
        except Exception:
            self.errors += 1
            log.exception("cannot read the store to seed the detectors; they start without history")
            return
        try:
            now = datetime.now(UTC)
            for detector in seeded:
                self._seed(store, detector, now)
        finally:
            store.close()

    def _seed(self, store: Store, detector: Detector, now: datetime) -> None:
        assert isinstance(detector, Seeded)
        name = detector.id
        kinds = {kind for kind, _ in detector.consumes}  # bulk-read: file events, not sockets
        started = time.monotonic()
        try:
            events = store.events(since=now - detector.lookback(), until=now, host=self._host, kinds=kinds)
            used = detector.seed(self._until_cancelled(itertools.islice(events, SEED_LIMIT)), now)
        except Exception:  # a detector without history still works
            self.errors += 1
            log.exception("seeding %s from the store failed", name)
            return
        log.info("%s seeded from %d stored event(s) in %.1f s", name, used, time.monotonic() - started)

    def _until_cancelled(self, events: Iterable[Event]) -> Iterator[Event]:
        for event in events:
            if self._cancel.is_set():
                return
            yield event
