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
same remote address (`observe`), whose login uid names the person; else the
socket's uid through the usual fallback.

Destinations: loopback and the host's own networks (its interface subnets,
link-local) are not outbound and are dropped here, unless
`agent.loopback_is_external` makes loopback count (tests use it).
Sockets whose local port is listening are the server side of a loopback
pair and are skipped. The allowlist (`approved_destinations`) is applied by
the detectors, so the events stay on record.

Interfaces: /sys/class/net is polled; a new interface whose name matches
`vpn_interfaces` (wg*, tun* ...) is an `interface-up` event.
"""

from __future__ import annotations

import collections
import fnmatch
import ipaddress
import logging
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil

from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources import ss
from sentinel.model import Event

log = logging.getLogger(__name__)

_CONNECT_TTL = timedelta(minutes=10)
_CONNECT_WAIT = 1.0  # seconds a closed socket waits for audit's connect record
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def local_networks() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """The host's own subnets, from its interface addresses and netmasks."""
    nets = []
    for addrs in psutil.net_if_addrs().values():
        for addr in addrs:
            if not addr.netmask:
                continue
            try:
                nets.append(
                    ipaddress.ip_network(f"{addr.address.split('%')[0]}/{addr.netmask}", strict=False)
                )
            except ValueError:
                continue
    return tuple(nets)


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
        networks: Callable[[], tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]] = local_networks,
    ) -> None:
        self.host = host
        self.attributor = attributor
        self._emit = emit
        self._loopback_external = loopback_is_external
        self._interval = interval
        self._interim = interim_bytes
        self._announce_connects = announce_connects
        self._vpn_globs = vpn_interfaces
        self._run_ss = run_ss or ss.run
        self._sys_net = sys_net
        self._networks = networks()
        self._lock = threading.Lock()
        # (local, peer) -> the last poll's view of an open outbound socket
        self._live: dict[tuple[str, str], _Live] = {}
        self._connects: dict[str, collections.deque[Event]] = {}
        self._pending: list[tuple[float, ss.Socket, int]] = []
        # With audit, connects arrive through observe(); without, the poll announces them.
        self._audit_connects = not announce_connects
        self._listening: set[int] = set()
        self._listening_at = 0.0
        self._interfaces: set[str] | None = None
        self._stream: subprocess.Popen[str] | None = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self._probe: tuple[str, threading.Event] | None = None
        self.streaming = False
        self.sent_events = 0

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        self.poll_interfaces(announce=True)
        if os.geteuid() == 0 and shutil.which("ss"):
            self._start_stream()
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

    def _start_stream(self) -> None:
        command = ["ss", "-tinHE"]
        if shutil.which("stdbuf"):  # ss buffers a pipe otherwise: events would arrive in 4 KiB lumps
            command = ["stdbuf", "-oL", *command]
        try:
            self._stream = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                start_new_session=True,
                preexec_fn=ss.die_with_parent,
            )
        except OSError as exc:
            log.warning("cannot stream closed sockets (%s); polling only", exc)
            return
        self.streaming = True
        thread = threading.Thread(target=self._read_stream, name="sentinel-network-stream", daemon=True)
        thread.start()
        self._threads.append(thread)
        self._await_subscription()

    def _await_subscription(self, timeout: float = 3.0) -> None:
        """Close one loopback connection and wait for the stream to report it.

        `ss -E` subscribes to socket-destroy events some time after it starts;
        connections closed before that are never reported, so the agent must not
        call itself ready until the stream is live.
        """
        seen = threading.Event()
        with socket.create_server(("127.0.0.1", 0)) as server:
            port = server.getsockname()[1]
            self._probe = (f"127.0.0.1:{port}", seen)
            deadline = time.monotonic() + timeout
            while not seen.is_set() and time.monotonic() < deadline:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    server.accept()[0].close()
                seen.wait(0.2)
        self._probe = None
        if not seen.is_set():
            log.warning("the closed-socket stream did not confirm it is live within %g s", timeout)

    def stop(self) -> None:
        self._stopping.set()
        if self._stream is not None:
            self._stream.terminate()
            try:
                self._stream.wait(5)
            except subprocess.TimeoutExpired:
                self._stream.kill()
                self._stream.wait(5)
        for thread in self._threads:
            thread.join(timeout=5)
        self.flush_pending(force=True)
        if self._stream is not None and self._stream.stdout is not None:
            self._stream.stdout.close()
        self._stream = None

    # -- audit's connect records ----------------------------------------------------------

    def observe(self, event: Event) -> None:
        """Remember an audit connect (who, which process) to name a socket closed before any poll."""
        if event.kind != "network" or event.action != "connect" or not event.remote:
            return
        with self._lock:
            queue = self._connects.setdefault(ss.normal(event.remote), collections.deque(maxlen=256))
            queue.append(event)
        self.flush_pending(force=False)

    def _claim(self, peer: str, pid: int | None) -> Event | None:
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

    def flush_pending(self, *, force: bool) -> None:
        """Closed sockets waiting for their audit connect record: emit those now known (or overdue)."""
        now = time.monotonic()
        with self._lock:
            waiting, self._pending = self._pending, []
        for since, sock, delta in waiting:
            connect = self._claim(sock.peer, None)
            if connect is None and not force and now - since < _CONNECT_WAIT:
                with self._lock:
                    self._pending.append((since, sock, delta))
                continue
            self._emit_event(sock, "sent", delta, None, "", sock.uid, "at close", connect=connect)

    # -- sockets ------------------------------------------------------------------------------

    def _read_stream(self) -> None:
        assert self._stream is not None and self._stream.stdout is not None
        for sock in ss.parse_ss(self._stream.stdout):
            if self._stopping.is_set():
                return
            probe = self._probe
            if probe is not None and probe[0] in (sock.local, sock.peer):
                probe[1].set()
                continue  # sentinel's own readiness probe, not activity
            try:
                self._closed(sock)
            except Exception:  # one odd line must not end the stream
                log.exception("closed socket could not be handled")

    def _poll_loop(self) -> None:
        while not self._stopping.wait(self._interval):
            try:
                self.flush_pending(force=False)
                self.poll()
                self.poll_interfaces()
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
                connect = self._claim(sock.peer, sock.pid) if self._audit_connects else None
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
            self._prune_connects()
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
            self._claim(sock.peer, None)  # nothing sent; its connect must not name another socket
            return
        connect = self._claim(sock.peer, None)
        if connect is None and self._audit_connects:
            # Audit's record of the connect may still be on its way: wait for it briefly.
            with self._lock:
                self._pending.append((time.monotonic(), sock, sock.bytes_sent))
            return
        self._emit_event(sock, "sent", sock.bytes_sent, None, "", sock.uid, "at close", connect=connect)

    def _outbound(self, sock: ss.Socket) -> bool:
        peer = ss.split_address(sock.peer)
        local = ss.split_address(sock.local)
        if peer is None or local is None:
            return False
        try:
            address: Address = ipaddress.ip_address(peer[0])
        except ValueError:
            return False
        if address.is_loopback:
            if not self._loopback_external:
                return False
            # Both ends of a loopback pair are ours: the listening end is the "remote" sink.
            return local[1] not in self._listening_ports()
        if address.is_link_local or address.is_unspecified or address.is_multicast:
            return False
        return not any(address in net for net in self._networks if net.version == address.version)

    def _listening_ports(self) -> set[int]:
        now = time.monotonic()
        if now - self._listening_at > 0.5:
            ports = set()
            for line in self._run_ss(("-tlnH",)).splitlines():
                fields = line.split()
                if len(fields) >= 4 and (address := ss.split_address(fields[3])) is not None:
                    ports.add(address[1])
            self._listening, self._listening_at = ports, now
        return self._listening

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

    def _prune_connects(self) -> None:
        horizon = datetime.now(UTC) - _CONNECT_TTL
        for remote in [r for r, q in self._connects.items() if not q or q[-1].ts < horizon]:
            del self._connects[remote]

    # -- interfaces ---------------------------------------------------------------------------

    def poll_interfaces(self, *, announce: bool = True) -> None:
        try:
            names = {p.name for p in self._sys_net.iterdir()}
        except OSError:
            return
        previous, self._interfaces = self._interfaces, names
        new = names - (previous or set())
        if not announce:
            return
        for name in sorted(new):
            if not any(fnmatch.fnmatchcase(name, g) for g in self._vpn_globs):
                continue
            account, by = self.attributor.fallback(None)
            self._emit(
                Event(
                    ts=datetime.now(UTC),
                    host=self.host,
                    account=account,
                    kind="network",
                    action="interface-up",
                    path=name,
                    attributed_by=by,
                    detail=f"type {_interface_type(self._sys_net / name)}"
                    + (" (present at agent start)" if previous is None else ""),
                )
            )


def _interface_type(path: Path) -> str:
    try:
        for line in (path / "uevent").read_text().splitlines():
            if line.startswith("DEVTYPE="):
                return line.split("=", 1)[1]
        if (path / "tun_flags").exists():
            return "tun"
    except OSError:
        pass
    return "unknown"
