"""Forwarding the agent's local store to the central PostgreSQL, in its own thread.

When `central.url` is set, a thread steps sentinel.store.forward.Forwarder
every second: network waits and outages never touch the control loop or the
writer, and the local SQLite store stays the outbox (nothing is lost while
the central store is down; see forward.py for the spool bound).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from sentinel.config import CentralConfig

log = logging.getLogger(__name__)

_STEP_SECONDS = 1.0


class ForwardThread:
    def __init__(self, *, local: Path, settings: CentralConfig, host: str) -> None:
        self._local_path = local
        self._settings = settings
        self._host = host
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sentinel-forward", daemon=True)
        self.sent = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        from sentinel.store.forward import Forwarder
        from sentinel.store.sqlite import SqliteStore

        local = SqliteStore(self._local_path)
        forwarder = Forwarder(local, self._settings, host=self._host)
        try:
            while True:
                try:
                    self.sent += forwarder.step(datetime.now(UTC))
                except Exception:  # a forwarding bug must not end monitoring
                    log.exception("forwarding step failed")
                if self._stopping.wait(_STEP_SECONDS):
                    # One last step so a clean stop leaves as little as possible behind.
                    self.sent += forwarder.step(datetime.now(UTC), final=True)
                    return
        finally:
            forwarder.close()
            local.close()
