"""The kernel's report of every TCP socket as it closes, with its final counters (root only).

`ss -tinHE` streams each TCP socket as it is destroyed, so a connection of
any length is counted once, at close, including one that opens and closes
between two polls. Joining the socket-destroy group needs CAP_NET_ADMIN
(root). Its own module because it is a child process with a reader thread
and a readiness handshake, apart from what the network source does with each
socket.
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable

from sentinel.endpoint.sources import ss

log = logging.getLogger(__name__)


class ClosedSockets:
    """Runs `ss -tinHE` and hands each closed socket to `on_closed` (in its own thread)."""

    def __init__(self, on_closed: Callable[[ss.Socket], None]) -> None:
        self._on_closed = on_closed
        self._stream: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._probe: tuple[str, threading.Event] | None = None

    def start(self) -> bool:
        """Start streaming; False (logged) when `ss` cannot be started."""
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
            return False
        self._thread = threading.Thread(target=self._read, name="sentinel-network-stream", daemon=True)
        self._thread.start()
        self._await_subscription()
        return True

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
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._stream is not None and self._stream.stdout is not None:
            self._stream.stdout.close()
        self._stream = None

    def _read(self) -> None:
        assert self._stream is not None and self._stream.stdout is not None
        for sock in ss.parse_ss(self._stream.stdout):
            if self._stopping.is_set():
                return
            probe = self._probe
            if probe is not None and probe[0] in (sock.local, sock.peer):
                probe[1].set()
                continue  # sentinel's own readiness probe, not activity
            try:
                self._on_closed(sock)
            except Exception:  # one odd line must not end the stream
                log.exception("closed socket could not be handled")
