"""`sentinel forward`: send this host's store to the central PostgreSQL.

The agent forwards from its own loop; this command is for hosts that record
without the agent (a CI runner keeping findings in a local SQLite file) and
for draining a backlog by hand (`--once`).
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from sentinel.commands.alerts import store_url
from sentinel.commands.common import load_config
from sentinel.errors import ConfigError, StoreError
from sentinel.store import urls
from sentinel.store.forward import Forwarder
from sentinel.store.sqlite import SqliteStore

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0


def _now() -> datetime:
    return datetime.now(UTC)


def run(*, config_path: Path, once: bool, store: str | None) -> int:
    config = load_config(config_path)
    if not config.central.url:
        raise ConfigError(f"{config_path}: central.url is not set; nothing to forward to")
    local_url = urls.parse(store_url(config, store))
    if local_url.engine != "sqlite" or local_url.path is None:
        raise StoreError(f"forwarding reads a local SQLite store, not {local_url.display}")
    local = SqliteStore(local_url.path)
    forwarder = Forwarder(local, config.central, host=config.agent.host or None)
    try:
        if once:
            sent = forwarder.drain(_now)
            status = forwarder.status
            if status.failures:
                raise StoreError(f"forwarding stopped after {sent} rows: {status.last_error}")
            log.info("forwarded %d rows to %s", sent, urls.parse(config.central.url).display)
            return 0
        _loop(forwarder)
        return 0
    finally:
        forwarder.close()
        local.close()


def _loop(forwarder: Forwarder) -> None:
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, request_stop)
    try:
        while not stop.is_set():
            forwarder.step(_now())
            stop.wait(POLL_SECONDS)
    finally:
        signal.signal(signal.SIGTERM, previous)
