"""Store-and-forward: the agent's local store, sent in batches to a central PostgreSQL.

The agent keeps writing locally whatever happens to the network; its daemon
loop calls `Forwarder.step(now)` now and then. A step sends up to
`max_batches` batches per stream (coverage, alerts, findings with their scan
contexts, hourly rollups, and raw events only when `forward_raw_events` is
set), each in one central transaction, and moves the local outbox position
only after that commit. A crash or a cut between the two re-sends the batch,
which the central side ignores (rows are unique per submitter and uid): every
row arrives exactly once.

While the central store is unreachable, steps back off exponentially (with
jitter, so a fleet does not reconnect in lockstep). The backlog per stream is
bounded by `spool_limit`: past it the oldest unsent rows are given up and a
coverage record, itself forwarded first once the link is back, says how many.
"""

from __future__ import annotations

import logging
import random
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.config import CentralConfig
from sentinel.errors import StoreError
from sentinel.store import outbox, urls
from sentinel.store.postgres import PostgresStore
from sentinel.store.sqlite import SqliteStore

log = logging.getLogger(__name__)

SPOOL_CHECK_EVERY = timedelta(seconds=30)


@dataclass(frozen=True, slots=True, kw_only=True)
class ForwardStatus:
    connected: bool
    failures: int  # consecutive failed attempts
    next_attempt: datetime | None
    last_error: str


class Forwarder:
    """Forwards one local SqliteStore to the central store `settings.url` names."""

    def __init__(
        self,
        local: SqliteStore,
        settings: CentralConfig,
        *,
        host: str | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        if not settings.url:
            raise StoreError("forwarding needs central.url (postgresql://...)")
        self._target = urls.parse(settings.url)
        if self._target.engine != "postgresql":
            raise StoreError(f"central.url must be a postgresql:// URL, not {self._target.display}")
        self._password = urls.read_credentials(settings.credentials) if settings.credentials else None
        self.local = local
        self.settings = settings
        self.host = host or socket.gethostname()
        self._rng = rng
        self._streams = outbox.DEFAULT_STREAMS + ((outbox.EVENTS,) if settings.forward_raw_events else ())
        self._central: PostgresStore | None = None
        self._failures = 0
        self._next_attempt: datetime | None = None
        self._next_spool_check: datetime | None = None
        self._last_error = ""

    @property
    def status(self) -> ForwardStatus:
        return ForwardStatus(
            connected=self._central is not None,
            failures=self._failures,
            next_attempt=self._next_attempt,
            last_error=self._last_error,
        )

    def step(self, now: datetime, *, final: bool = False) -> int:
        """Forward what is due; returns the number of rows the central store committed.

        `final`: the agent is stopping, so send now rather than at the next interval
        (a backoff after failures still holds: stopping must not wait on a dead server).
        """
        if self._next_spool_check is None or now >= self._next_spool_check:
            self._next_spool_check = now + SPOOL_CHECK_EVERY
            self._enforce_spool(now)
        waiting = self._next_attempt is not None and now < self._next_attempt
        if waiting and not (final and not self._failures):
            return 0
        sent = 0
        try:
            central = self._connect()
            busy = False
            for stream in self._streams:
                for _ in range(self.settings.max_batches):
                    batch = outbox.read_batch(self.local, stream, self.settings.batch_size)
                    if batch is None:
                        break
                    central.receive(batch.inserts())
                    # Only now is the batch safe centrally; a crash before this line re-sends it.
                    outbox.advance(self.local, stream, batch.position, forwarded=len(batch.rows))
                    sent += len(batch.rows)
                    if len(batch.rows) < self.settings.batch_size:
                        break
                else:
                    busy = True  # budget spent with rows left: come back at once
        except StoreError as exc:
            self._fail(now, exc)
            return sent
        if self._failures:
            log.info("central store %s reachable again", self._target.display)
        self._failures = 0
        self._last_error = ""
        self._next_attempt = None if busy else now + timedelta(seconds=self.settings.interval)
        return sent

    def drain(self, now: Callable[[], datetime]) -> int:
        """Step until caught up or a step fails (`sentinel forward --once`)."""
        total = 0
        while True:
            sent = self.step(now())
            total += sent
            if self._failures or self._next_attempt is not None:
                return total

    def close(self) -> None:
        if self._central is not None:
            self._central.close()
            self._central = None

    def _connect(self) -> PostgresStore:
        if self._central is not None and self._central.broken:
            self.close()
        if self._central is None:
            self._central = PostgresStore(
                self._target,
                migrate=self.settings.migrate,
                password=self._password,
                connect_timeout=self.settings.connect_timeout,
            )
        return self._central

    def _fail(self, now: datetime, exc: StoreError) -> None:
        self.close()
        self._failures += 1
        delay = min(self.settings.backoff_max, self.settings.backoff_initial * 2 ** (self._failures - 1))
        delay *= 0.5 + 0.5 * self._rng()
        self._next_attempt = now + timedelta(seconds=delay)
        self._last_error = urls.redact(str(exc), self._password or "")
        # One line per failure; the message is already free of credentials.
        log.warning(
            "forwarding paused (attempt %d): %s; retry in %.1fs", self._failures, self._last_error, delay
        )

    def _enforce_spool(self, now: datetime) -> None:
        for stream in self._streams:
            excess = outbox.backlog(self.local, stream) - self.settings.spool_limit
            if excess > 0:
                outbox.drop_oldest(self.local, stream, excess, now=now, host=self.host)
                log.error("spool full: gave up %d unsent %s rows (see coverage)", excess, stream.table)
