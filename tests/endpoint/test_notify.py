from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from sentinel.endpoint.notify import Notifier


def test_ready_status_and_watchdog_reach_the_socket(tmp_path: Path) -> None:
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(2)
        notifier = Notifier(
            {"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "4000000", "WATCHDOG_PID": str(os.getpid())}
        )
        assert notifier.enabled and notifier.watchdog_seconds == 4.0
        notifier.ready("watching 2 tree(s)")
        notifier.watchdog()
        notifier.stopping()
        assert sock.recv(100) == b"READY=1\nSTATUS=watching 2 tree(s)"
        assert sock.recv(100) == b"WATCHDOG=1"
        assert sock.recv(100) == b"STOPPING=1"


def test_abstract_socket_names_start_with_at() -> None:
    name = f"sentinel-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(2)
        Notifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert sock.recv(100) == b"READY=1"


def test_without_systemd_nothing_is_sent_and_no_watchdog() -> None:
    notifier = Notifier({})
    assert not notifier.enabled and notifier.watchdog_seconds == 0
    notifier.ready()  # no socket: a no-op, not an error


def test_watchdog_meant_for_another_pid_is_ignored() -> None:
    assert (
        Notifier({"NOTIFY_SOCKET": "/x", "WATCHDOG_USEC": "1000", "WATCHDOG_PID": "1"}).watchdog_seconds == 0
    )


def test_a_receiver_that_stopped_reading_never_blocks(tmp_path: Path) -> None:
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        notifier = Notifier({"NOTIFY_SOCKET": address})
        start = time.monotonic()
        for _ in range(5000):
            notifier.status("busy")
        assert time.monotonic() - start < 5
