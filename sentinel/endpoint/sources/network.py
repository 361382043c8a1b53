"""Outbound TCP: bytes each socket sent to a remote address, per process; VPN interfaces.

Chosen by measurement (this module's tests and bench/agent.py):
- bytes: the kernel's own per-socket counters (tcp_info), read through
  `ss`. `ss -tinHE` streams every TCP socket as it is destroyed with its
  final counters, so a connection of any length is counted once, at close.
  bytes_sent alone over-reports by retransmissions: measured on this busy
  loopback, a 1,000,000-byte upload once read bytes_sent:1014875. bytes_acked
  counts what the peer acknowledged, plus one for the SYN and one for the
  FIN. The payload reported is min(bytes_sent, bytes_acked - 1): error bar
  0 to +1 byte per connection (the FIN), whatever the retransmissions
  (tests/endpoint/test_network.py checks it). Joining the socket-destroy
  group needs CAP_NET_ADMIN (root).
  The alternatives measured worse: /proc/<pid>/io wchar mixes file and
  socket writes, psutil's per-process counters do not exist on Linux, and
  interface counters have no process.
- long connections: a poll (`ss -tinpHe`, every `interval`) reports bytes
  sent so far once they pass `interim_bytes`, so an hour-long upload is seen
  while it runs; the rest is reported at close.
- without root: the poll alone. A connection that opens and closes between
  two polls is never seen, and bytes sent after the last poll before close
  are lost (up to interval x throughput). Events say `source=poll`.

Attribution: the process comes from the poll's `users:(...)` (pid, name)
or, for sockets too short for a poll, from the audit connect record to the
same remote address (`observe`, held in connect_records.py), whose login
uid names the person; else the socket's uid through the usual fallback.

Destinations: loopback and the host's own networks are not outbound and are
dropped here, by the rule in outbound.py (which says why and when loopback
counts); the allowlist is applied by the detectors.

This module counts the bytes and runs the loops; the close stream is
closed_sockets.py, and the VPN interfaces it polls are interfaces.py.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources import ss
from sentinel.endpoint.sources.closed_sockets import ClosedSockets
from sentinel.endpoint.sources.connect_records import ConnectRecords
from sentinel.endpoint.sources.interfaces import InterfaceWatch
from sentinel.endpoint.sources.outbound import Network, Outbound, local_networks
from sentinel.model import Event

log = logging.getLogger(__name__)

_CONNECT_WAIT = 1.0  # seconds a closed socket waits for audit's connect record


@dataclass(slots=True)
class _Live:
    sock: ss.Socket
    reported: int  # bytes already emitted as `sent`
    connect: Event | None = None  # audit's record of its connect, when claimed
    missed: int = 0  # polls since it was last seen


class NetworkSource:
    def __init__(
        self,
        *,
        host: str,
        attributor: Attributor,
        emit: Callable[[Event], object],
        loopback_is_external: bool = False,
        interval: float = 2.0,
        interim_bytes: int = 1024 * 1024,
        announce_connects: bool = True,
        vpn_interfaces: tuple[str, ...] = (),
        run_ss: Callable[[tuple[str, ...]], str] | None = None,
        sys_net: Path = Path("/sys/class/net"),
        networks: Callable[[], tuple[Network, ...]] = local_networks,
    ) -> None:
        self.host = host
        self.attributor = attributor
        self._emit = emit
        self._interval = interval
        self._interim = interim_bytes
        self._announce_connects = announce_connects
        self._run_ss = run_ss or ss.run
        self._outbound = Outbound(
            loopback_is_external=loopback_is_external, networks=networks(), run_ss=self._run_ss
        )
        self._interfaces = InterfaceWatch(
            host=host,
            emit=emit,
            vpn_interfaces=vpn_interfaces,
            sys_net=sys_net,
            account=lambda: self.attributor.fallback(None),
        )
        self._lock = threading.Lock()
        # (local, peer) -> the last poll's view of an open outbound socket
        self._live: dict[tuple[str, str], _Live] = {}
        self._connects = ConnectRecords()
        self._pending: list[tuple[float, ss.Socket, int]] = []
        # With audit, connects arrive through observe(); without, the poll announces them.
        self._audit_connects = not announce_connects
        self._stream: ClosedSockets | None = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self.streaming = False
        self.sent_events = 0

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        self._interfaces.poll(announce=True)
        if os.geteuid() == 0 and shutil.which("ss"):
            self._stream = ClosedSockets(self._closed)
            self.streaming = self._stream.start()
        self.poll()
        thread = threading.Thread(target=self._poll_loop, name="sentinel-network-poll", daemon=True)
        thread.start()
        self._threads.append(thread)
        log.info(
            "network source on: %s, polled every %g s",
            "socket close stream (ss -E)"
            if self.streaming
            else "polling only (not root: short connections missed)",
            self._interval,
        )

    def stop(self) -> None:
        self._stopping.set()
        if self._stream is not None:
            self._stream.stop()
        for thread in self._threads:
            thread.join(timeout=5)
        self.flush_pending(force=True)
        self._stream = None

    # -- audit's connect records ----------------------------------------------------------

    def observe(self, event: Event) -> None:
        """Remember an audit connect (who, which process) to name a socket closed before any poll."""
        if event.kind != "network" or event.action != "connect" or not event.remote:
            return
        self._connects.add(event)
        self.flush_pending(force=False)

    def flush_pending(self, *, force: bool) -> None:
        """Closed sockets waiting for their audit connect record: emit those now known (or overdue)."""
        now = time.monotonic()
        with self._lock:
            waiting, self._pending = self._pending, []
        for since, sock, delta in waiting:
            connect = self._connects.claim(sock.peer, None)
            if connect is None and not force and now - since < _CONNECT_WAIT:
                with self._lock:
                    self._pending.append((since, sock, delta))
                continue
            self._emit_event(sock, "sent", delta, None, "", sock.uid, "at close", connect=connect)

    # -- sockets ------------------------------------------------------------------------------

    def _poll_loop(self) -> None:
        while not self._stopping.wait(self._interval):
            try:
                self.flush_pending(force=False)
                self.poll()
                self._interfaces.poll()
            except Exception:
                log.exception("network poll failed")

    def poll(self) -> None:
        """Sample established sockets: who owns them, bytes sent so far."""
        output = self._run_ss(("-tinpHe", "state", "established"))
        seen = set()
        for sock in ss.parse_ss(output.splitlines()):
            key = (sock.local, sock.peer)
            with self._lock:
                known = self._live.get(key)
            if known is None:
                if not self._outbound(sock):
                    continue
                reported = 0
                connect = self._connects.claim(sock.peer, sock.pid) if self._audit_connects else None
                if self._announce_connects:
                    self._emit_event(sock, "connect", 0, sock.pid, sock.comm, sock.uid, "source=poll")
            else:
                reported, connect = known.reported, known.connect
            seen.add(key)
            if sock.bytes_sent - reported >= self._interim:
                self._emit_event(
                    sock,
                    "sent",
                    sock.bytes_sent - reported,
                    sock.pid,
                    sock.comm,
                    sock.uid,
                    "so far (open socket)",
                    connect=connect,
                )
                reported = sock.bytes_sent
            with self._lock:
                self._live[key] = _Live(sock=sock, reported=reported, connect=connect)
        closed = []
        with self._lock:
            for key in [k for k in self._live if k not in seen]:
                entry = self._live[key]
                entry.missed += 1
                # With the stream, the close is reported there (usually within milliseconds);
                # an entry it never claimed goes after two polls. Without it, the last poll's
                # counters are all there is: bytes sent after it are lost.
                if not self.streaming or entry.missed > 2:
                    del self._live[key]
                    if not self.streaming:
                        closed.append(entry)
        self._connects.prune()
        for entry in closed:
            sock = entry.sock
            if sock.bytes_sent > entry.reported:
                self._emit_event(
                    sock, "sent", sock.bytes_sent - entry.reported, sock.pid, sock.comm, sock.uid,
                    "source=poll, counted until the last poll before close", connect=entry.connect,
                )  # fmt: skip

    def _closed(self, sock: ss.Socket) -> None:
        if not self._outbound(sock):
            return
        with self._lock:
            known = self._live.pop((sock.local, sock.peer), None)
        if known is not None:
            # Its owner was seen by a poll; its connect (if audit saw it) was claimed then.
            delta = sock.bytes_sent - known.reported
            if delta > 0:
                old = known.sock
                self._emit_event(
                    sock, "sent", delta, old.pid, old.comm, old.uid, "at close", connect=known.connect
                )
            return
        if sock.bytes_sent <= 0:
            self._connects.claim(sock.peer, None)  # nothing sent; its connect must not name another socket
            return
        connect = self._connects.claim(sock.peer, None)
        if connect is None and self._audit_connects:
            # Audit's record of the connect may still be on its way: wait for it briefly.
            with self._lock:
                self._pending.append((time.monotonic(), sock, sock.bytes_sent))
            return
        self._emit_event(sock, "sent", sock.bytes_sent, None, "", sock.uid, "at close", connect=connect)

    def _emit_event(
        self,
        sock: ss.Socket,
        action: str,
        size: int,
        pid: int | None,
        comm: str,
        uid: int | None,
        how: str,
        *,
        connect: Event | None = None,
    ) -> None:
        if connect is not None:
            account, by, pid = connect.account, connect.attributed_by, connect.pid
            program = comm or connect.detail.removeprefix("comm=") or os.path.basename(connect.path)
            exe = connect.path
        else:
            account, by = self.attributor.fallback(uid)
            program, exe = comm, ""
        self.sent_events += action == "sent"
        self._emit(
            Event(
                ts=datetime.now(UTC),
                host=self.host,
                account=account,
                kind="network",
                action=action,
                path=exe,
                remote=sock.peer,
                bytes=size,
                pid=pid,
                attributed_by=by,
                detail=f"{program or 'unknown'} pid={pid or '?'} {how}",
            )
        )
