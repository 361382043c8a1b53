"""The writer thread: batches from the queue into the store, then detectors.

Order is the guarantee: a batch is committed (add_events returns) before any
detector sees it, so an alert never rests on an event that a crash could
lose. A detector failing on one event is logged and counted; the event stays
stored and the other detectors still see it. A store that refuses a batch is
retried; at shutdown a batch it still refuses is spilled to a JSON-lines file
in the state directory and re-ingested on the next start.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sentinel.detectors.base import Detector, Router
from sentinel.endpoint import eventio
from sentinel.endpoint.queue import EventQueue
from sentinel.endpoint.seeding import Seeding
from sentinel.model import Alert, Event, Finding
from sentinel.store import ScanContext, Store

log = logging.getLogger(__name__)

_TICK_SECONDS = 1.0
# With audit on, file events wait this long for the audit record naming who did
# it (the two arrive by different kernel paths, in either order).
ENRICH_GRACE = timedelta(seconds=1.5)
_PURGE_SECONDS = 3600.0
_STOP_RETRIES = 5


class Writer(threading.Thread):
    def __init__(
        self,
        *,
        queue: EventQueue,
        open_store: Callable[[], Store],
        detectors: Sequence[Detector],
        batch_size: int,
        batch_interval: float,
        spill_dir: Path,
        coverage: Callable[[str, str, int], Event],
        retention: timedelta | None = None,
        enrich: Callable[[list[Event]], list[Event]] | None = None,
        host: str | None = None,
    ) -> None:
        super().__init__(name="sentinel-writer", daemon=True)
        self._queue = queue
        self._open_store = open_store
        self._route = Router(())
        # New detectors (at start, on reload) are seeded from the store in a thread of
        # their own (seeding.py) and take over when it is done; batches persisted
        # meanwhile wait for them in `_unfed`.
        self._incoming: tuple[Detector, ...] | None = tuple(detectors)
        self._seeding: Seeding | None = None
        self._host = host  # detectors are seeded from this host's stored events only
        self._unfed: list[Event] = []
        self._batch_size = batch_size
        self._batch_interval = batch_interval
        self._spill_dir = spill_dir
        self._coverage = coverage
        self._retention = retention
        self.enrich = enrich
        self._findings: list[tuple[tuple[Finding, ...], ScanContext]] = []
        self._held: list[Event] = []
        self._stopping = threading.Event()
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.persisted = 0
        self.alerts = 0
        self.detector_errors = 0

    @property
    def detectors(self) -> tuple[Detector, ...]:
        return self._route.detectors

    @detectors.setter
    def detectors(self, detectors: Sequence[Detector]) -> None:
        """New instances (a reload): seeded from the store, then fed from the next batch on."""
        self._incoming = tuple(detectors)

    def add_findings(self, findings: Sequence[Finding], context: ScanContext) -> None:
        self._findings.append((tuple(findings), context))

    def stop(self) -> None:
        """Drain everything queued, flush, close the store; returns when done."""
        self._stopping.set()
        self._queue.put_control(self._coverage("noop", "", 0))  # wake the loop
        self.join(timeout=120)

    def run(self) -> None:
        try:
            store = self._open_store()
        except BaseException as exc:  # reported by the daemon's start step
            self.error = exc
            self.ready.set()
            return
        self.ready.set()
        try:
            self._reingest(store)
            self._loop(store)
        except BaseException as exc:  # pragma: no cover (a bug; the daemon reports it)
            log.exception("writer failed")
            self.error = exc
        finally:
            store.close()

    def _loop(self, store: Store) -> None:
        last_tick = last_purge = float("-inf")  # both due at once (monotonic may start near 0)
        while True:
            stopping = self._stopping.is_set()
            self._take_over_seeded(store)
            batch = [e for e in self._queue.drain(self._batch_size) if e.action != "noop"]
            batch = self._hold_for_attribution(batch, stopping)
            dropped = self._queue.take_dropped()
            if dropped:
                kinds = ", ".join(f"{n} {kind}" for kind, n in dropped.most_common())
                log.warning("queue full: event(s) dropped and counted: %s", kinds)
                detail = f"queue of {self._queue.maxsize} full: {kinds}"
                batch.append(self._coverage("queue-full", detail, dropped.total()))
            if batch:
                self._persist(store, batch, stopping)
            while self._findings:
                findings, context = self._findings.pop(0)
                self._retry(functools.partial(store.add_findings, findings, context=context), stopping)
            clock = time.monotonic()
            if clock - last_tick >= _TICK_SECONDS:
                last_tick = clock
                self._run_detectors(store, [], tick=True)
            if self._retention is not None and clock - last_purge >= _PURGE_SECONDS:
                last_purge = clock
                self._purge(store)
            if stopping and not batch and not len(self._queue) and not self._held and self._seeding is None:
                return
            if len(self._queue) < self._batch_size:
                self._queue.wait(self._batch_interval)

    def _take_over_seeded(self, store: Store) -> None:
        incoming, self._incoming = self._incoming, None
        if incoming is not None:
            if self._seeding is not None:  # reloaded again while seeding: the newest win
                self._seeding.cancel()
                self._seeding.join()
            self._seeding = Seeding(incoming, self._open_store, self._host)
            self._seeding.start()
        seeding = self._seeding
        # Not cancelled when stopping: unseeded detectors would judge the last batches
        # against a reset baseline. Seeding is bounded (SEED_LIMIT events).
        if seeding is None or seeding.is_alive():
            return
        self._seeding = None
        self.detector_errors += seeding.errors
        self._route = Router(seeding.detectors)
        unfed, self._unfed = self._unfed, []
        self._run_detectors(store, unfed, tick=False)

    def _hold_for_attribution(self, batch: list[Event], stopping: bool) -> list[Event]:
        """Without audit: `batch`. With it: held events now due, then the new ones not too fresh."""
        if self.enrich is None and not self._held:
            return batch
        pending = self._held + batch
        if stopping or self.enrich is None:
            self._held = []
            return pending
        cutoff = datetime.now(UTC) - ENRICH_GRACE
        ready: list[Event] = []
        held: list[Event] = []
        for event in pending:
            # Order is kept: once one event is held, everything after it waits too.
            if held or (event.kind in ("file", "transfer") and event.ts > cutoff):
                held.append(event)
            else:
                ready.append(event)
        self._held = held
        return ready

    def _persist(self, store: Store, batch: list[Event], stopping: bool) -> None:
        if self.enrich is not None:
            batch = self.enrich(batch)
        if not self._retry(lambda: store.add_events(batch), stopping):
            path = self._spill_dir / f"spill-{datetime.now(UTC):%Y%m%dT%H%M%S%f}.jsonl"
            eventio.write_lines(path, batch)
            log.error("store refused %d event(s); spilled to %s for the next start", len(batch), path)
            return
        self.persisted += len(batch)
        self._run_detectors(store, batch, tick=False)

    def _retry(self, action: Callable[[], object], stopping: bool) -> bool:
        delay = 0.1
        attempt = 0
        while True:
            try:
                action()
                return True
            except Exception as exc:
                attempt += 1
                log.error("store write failed (attempt %d): %s", attempt, exc)
                if (stopping or self._stopping.is_set()) and attempt >= _STOP_RETRIES:
                    return False
                time.sleep(delay)
                delay = min(delay * 2, 5.0)

    def _run_detectors(self, store: Store, batch: list[Event], *, tick: bool) -> None:
        if self._seeding is not None:
            self._unfed.extend(batch)  # the detectors still learning get them when done
            return
        now = datetime.now(UTC)
        alerts: list[Alert] = []
        route = self._route
        if tick:
            for detector in route.detectors:
                try:
                    alerts.extend(detector.tick(now))
                except Exception:
                    self.detector_errors += 1
                    log.exception("detector %s failed", detector.id)
        for event in batch:
            for detector in route(event):
                try:
                    alerts.extend(detector.feed(event, now))
                except Exception:
                    self.detector_errors += 1
                    log.exception(
                        "detector %s failed on %s/%s %s", detector.id, event.kind, event.action, event.path
                    )
        if not alerts:
            return
        for alert in alerts:
            log.warning("alert %s [%s] %s: %s", alert.detector, alert.severity, alert.account, alert.message)
        if self._retry(lambda: store.add_alerts(alerts), self._stopping.is_set()):
            self.alerts += len(alerts)

    def _purge(self, store: Store) -> None:
        assert self._retention is not None
        try:
            purged = store.purge(events_before=datetime.now(UTC) - self._retention)
            if purged.events:
                log.info("retention: purged %d raw event(s)", purged.events)
        except Exception as exc:
            log.error("retention purge failed: %s", exc)

    def _reingest(self, store: Store) -> None:
        for path in sorted(self._spill_dir.glob("spill-*.jsonl")):
            try:
                events = list(eventio.read_lines(path))
                store.add_events(events)
            except Exception as exc:
                log.error("spilled events in %s not re-ingested yet: %s", path, exc)
                continue
            path.unlink()
            log.info("re-ingested %d spilled event(s) from %s", len(events), path)
