"""Process starts without audit: a psutil poll of the process table.

With audit (root, auditctl available) every execve is a record and
sentinel/endpoint/sources/audit.py emits the exec events; this source is
not started. Without it, the process table is polled every
`agent.process_interval` seconds and each process not seen before becomes a
`process/exec` event with argv, cwd, ppid and uid, like audit's.

What polling misses, plainly: a process that starts and exits between two
polls is never seen (`curl -T x url` on a fast link, `scp` of a small file:
bench/agent.py measures the fraction); argv is what the process shows at
the poll (a process may rewrite it); there is no login uid, so attribution
is the host's account or the process owner. Every event says `source=poll
every N s` in its detail so an analyst knows which kind of record it is.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import psutil

from sentinel.endpoint.attribution import Attributor
from sentinel.model import Event

log = logging.getLogger(__name__)

_ATTRS = ["pid", "ppid", "create_time", "cmdline", "cwd", "uids", "exe", "name"]
_KEY_ATTRS = ["pid", "create_time"]


class ProcessPoller:
    def __init__(
        self,
        *,
        host: str,
        attributor: Attributor,
        emit: Callable[[Event], object],
        interval: float = 1.0,
        process_iter: Callable[..., Iterator[Any]] = psutil.process_iter,
        own_pid: int | None = None,
    ) -> None:
        self.host = host
        self.attributor = attributor
        self._emit = emit
        self._interval = interval
        self._process_iter = process_iter
        self._own = own_pid if own_pid is not None else os.getpid()
        self._known: set[tuple[int, float]] = set()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.emitted = 0

    def start(self) -> None:
        self.poll(announce=False)  # what runs already is the baseline, not news
        self._thread = threading.Thread(target=self._loop, name="sentinel-processes", daemon=True)
        self._thread.start()
        log.info("process source: polling every %g s (shorter processes are missed)", self._interval)

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stopping.wait(self._interval):
            try:
                self.poll()
            except Exception:  # one failed poll must not end the source
                log.exception("process poll failed")

    def poll(self, *, announce: bool = True) -> None:
        seen = set()
        # Cheap pass first (pid and start time: ~1 ms for 120 processes); the full
        # attributes (~1 ms per process: cmdline, cwd, exe) only for new ones.
        for proc in self._process_iter(_KEY_ATTRS):
            key = (proc.info["pid"], proc.info.get("create_time") or 0.0)
            seen.add(key)
            if key in self._known or not announce:
                continue
            try:
                info = proc.as_dict(attrs=_ATTRS)
            except psutil.Error:
                continue  # gone already
            if info["pid"] == self._own or info.get("ppid") == self._own:
                continue  # the agent and its own helpers (ss, git)
            self._announce(info)
        self._known = seen

    def _announce(self, info: dict[str, Any]) -> None:
        uids = info.get("uids")
        uid = uids.real if uids is not None else None
        account, attributed_by = self.attributor.fallback(uid)
        argv = tuple(info.get("cmdline") or ()) or ((info.get("name") or "",) if info.get("name") else ())
        if not argv:
            return  # kernel threads
        started = info.get("create_time")
        self.emitted += 1
        self._emit(
            Event(
                ts=datetime.fromtimestamp(started, UTC) if started else datetime.now(UTC),
                host=self.host,
                account=account,
                kind="process",
                action="exec",
                path=info.get("exe") or "",
                argv=argv,
                pid=info["pid"],
                attributed_by=attributed_by,
                detail=f"cwd={info.get('cwd') or ''} ppid={info.get('ppid')} uid={uid} "
                f"source=poll every {self._interval:g} s (shorter processes are missed)",
            )
        )
