"""Audit's connect records, held until the socket each one opened claims it.

A socket too short for the network source's poll has no process in `ss`'s
output; audit's connect record to the same remote address names the process
and the login uid. Records nobody claimed are forgotten after ten minutes.
Its own module because it is shared by the audit reader's thread (which
adds) and the network source's threads (which claim).
"""

from __future__ import annotations

import collections
import threading
from datetime import UTC, datetime, timedelta

from sentinel.endpoint.sources import ss
from sentinel.model import Event

_CONNECT_TTL = timedelta(minutes=10)


class ConnectRecords:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connects: dict[str, collections.deque[Event]] = {}

    def add(self, event: Event) -> None:
        """Remember a network/connect event (who, which process) by its remote address."""
        with self._lock:
            queue = self._connects.setdefault(ss.normal(event.remote), collections.deque(maxlen=256))
            queue.append(event)

    def claim(self, peer: str, pid: int | None) -> Event | None:
        """The connect that opened this socket: the same pid's, else the oldest unclaimed one.

        Each connect names one socket, so a claimed connect is removed: a later
        socket to the same address never inherits an earlier process's owner.
        """
        with self._lock:
            queue = self._connects.get(ss.normal(peer))
            if not queue:
                return None
            match = next((c for c in queue if pid is not None and c.pid == pid), None)
            if match is None and pid is None:
                match = queue[0]
            if match is not None:
                queue.remove(match)
            return match

    def prune(self) -> None:
        """Forget addresses whose latest connect is older than the TTL."""
        horizon = datetime.now(UTC) - _CONNECT_TTL
        with self._lock:
            for remote in [r for r, q in self._connects.items() if not q or q[-1].ts < horizon]:
                del self._connects[remote]
