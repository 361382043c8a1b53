"""Linux audit: who really did it (the login uid), and every exec and connect.

Approach (chosen for robustness): sentinel adds its own rules with
`auditctl` (keys `sentinel-<pid>-file|exec|net`, so two agents or an admin's
own rules are never touched) and reads records from the kernel's read-only
audit multicast group (netlink NETLINK_AUDIT, group AUDIT_NLGRP_READLOG,
CAP_AUDIT_READ). That needs no auditd and does not compete with one: auditd,
when running, keeps receiving and logging everything as before. Tailing
/var/log/audit/audit.log would depend on auditd's config and rotation;
becoming the audit daemon ourselves would evict auditd.

What it produces:
- attribution: file-access records (the watched trees) map each path to the
  auid of the process that touched it; the writer applies that to the file
  source's events before they are stored (`attributed_by: audit-auid`). The
  auid is set at login and survives sudo/su.
- process/exec events with argv, cwd, pid and auid; `git bundle|archive`
  become repo events, and `git push <url>` (a push to a URL rather than a
  named remote leaves no reflog) becomes a repo push event.
- network/connect events for IPv4/IPv6 with the remote address.
- audit-lost coverage events when the kernel's lost counter grows or our
  socket buffer overflows.

This module is the source itself: whether audit can be used here, start and
stop, and the reader thread (netlink datagrams split into records, grouped
by serial until the event's EOE record; lost records counted). The rest:
- audit_rules.py: the rules, added at start and deleted at stop (audit's
  enabled flag restored, rules of a dead agent removed first);
- audit_records.py: one event's records into Events;
- audit_attribution.py: the path -> account cache the writer applies.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources import audit_rules
from sentinel.endpoint.sources.audit_attribution import AccessCache
from sentinel.endpoint.sources.audit_records import AUDIT_EOE, HEADER, RecordHandler
from sentinel.model import Event

log = logging.getLogger(__name__)

NETLINK_AUDIT = 9
AUDIT_NLGRP_READLOG = 1


def unavailable_reason() -> str:
    """Why audit cannot be used here, or '' when it can."""
    if os.geteuid() != 0:
        return "not running as root"
    if shutil.which("auditctl") is None:
        return "auditctl is not installed (apt-get install auditd)"
    try:
        done = subprocess.run(["auditctl", "-s"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"auditctl -s failed: {exc}"
    if done.returncode != 0:
        return f"auditctl -s failed: {done.stderr.strip() or done.returncode}"
    try:
        with socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_AUDIT) as sock:
            sock.bind((0, AUDIT_NLGRP_READLOG))
    except OSError as exc:
        return f"cannot join the audit multicast group: {exc.strerror}"
    return ""


class AuditSource:
    def __init__(
        self,
        *,
        host: str,
        attributor: Attributor,
        watch: Iterable[str],
        emit: Callable[[Event], object],
        coverage: Callable[[str, str, int], None],
        state_path: Path | None = None,
    ) -> None:
        self.host = host
        self._watch = tuple(watch)
        self._rules = audit_rules.AuditRules(watch=self._watch, state_path=state_path)
        self._cache = AccessCache()
        self._handler = RecordHandler(
            host=host,
            prefix=self._rules.prefix,
            attributor=attributor,
            emit=emit,
            remember=self._cache.remember,
        )
        self._coverage = coverage
        self._lost = 0
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._pending: dict[str, list[tuple[int, str]]] = {}
        self.records = 0

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        self._lost = self._rules.prepare()
        sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW | socket.SOCK_CLOEXEC, NETLINK_AUDIT)
        try:
            sock.setsockopt(socket.SOL_SOCKET, 33, 16 * 1024 * 1024)  # SO_RCVBUFFORCE (root)
        except OSError:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024 * 1024)
        sock.bind((0, AUDIT_NLGRP_READLOG))
        sock.settimeout(0.5)
        self._sock = sock
        self._thread = threading.Thread(target=self._read_loop, name="sentinel-audit", daemon=True)
        self._thread.start()
        try:
            self._rules.install()
        except OSError:
            self.stop()
            raise
        log.info(
            "audit source on: %d watched tree(s), exec and connect, keys %s*",
            len(self._watch),
            self._rules.prefix,
        )

    def stop(self) -> None:
        self._rules.remove()
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    # -- reading ----------------------------------------------------------------------------

    def _read_loop(self) -> None:
        assert self._sock is not None
        last_check = time.monotonic()
        while not self._stopping.is_set():
            try:
                data = self._sock.recv(1 << 20)
            except TimeoutError:
                data = b""
            except OSError as exc:
                if exc.errno == errno.ENOBUFS:
                    # Our receive buffer overflowed: records are gone; say so.
                    self._coverage("audit-lost", "audit socket buffer overflowed", 1)
                    continue
                if self._stopping.is_set():
                    return
                raise
            try:
                self._parse_datagram(data)
            except Exception:  # never die on one bad record
                log.exception("audit datagram could not be parsed")
            now = time.monotonic()
            if now - last_check >= 1.0:
                last_check = now
                self._flush_stale()
                self._check_lost()

    def _parse_datagram(self, data: bytes) -> None:
        offset = 0
        while offset + 16 <= len(data):
            length, kind = struct.unpack_from("=IH", data, offset)
            if length < 16:
                return
            text = data[offset + 16 : offset + length].decode("utf-8", "replace").rstrip("\0")
            offset += (length + 3) & ~3
            self.records += 1
            match = HEADER.match(text)
            if match is None:
                continue
            serial = match.group(3)
            if kind == AUDIT_EOE:
                records = self._pending.pop(serial, None)
                if records:
                    self._handler.handle(match, records)
                continue
            self._pending.setdefault(serial, []).append((kind, text[match.end() :]))

    def _flush_stale(self) -> None:
        # Records of events without an EOE (single-record events) are never handled;
        # drop what is older than a few seconds so memory stays bounded.
        if len(self._pending) > 1000:
            for serial in list(self._pending)[:-1000]:
                self._pending.pop(serial, None)

    def _check_lost(self) -> None:
        try:
            lost = audit_rules.lost()
        except (OSError, ValueError, subprocess.SubprocessError):
            return
        if lost > self._lost:
            self._coverage("audit-lost", f"kernel audit lost counter rose to {lost}", lost - self._lost)
        self._lost = lost

    # -- attribution ------------------------------------------------------------------------

    def enrich(self, batch: list[Event]) -> list[Event]:
        """File events re-attributed to the auid audit saw touching the same path."""
        return self._cache.enrich(batch)
