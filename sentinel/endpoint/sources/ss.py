"""`ss` (iproute2) for the network source: running it and parsing its TCP socket lines.

`ss -tin[p]H[e][E]` prints one header line per socket (state, queues,
local and peer address, `users:(...)` with -p, `uid:` with -e) followed by
a tab-indented line of tcp_info counters; see network.py for why the
payload is min(bytes_sent, bytes_acked - 1).
"""

from __future__ import annotations

import ctypes
import logging
import re
import signal
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

log = logging.getLogger(__name__)

_USERS = re.compile(r'users:\(\("([^"]*)",pid=(\d+)')
_UID = re.compile(r"\buid:(\d+)")
_BYTES_SENT = re.compile(r"\bbytes_sent:(\d+)")
_BYTES_ACKED = re.compile(r"\bbytes_acked:(\d+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class Socket:
    state: str
    local: str
    peer: str
    bytes_sent: int
    pid: int | None = None
    comm: str = ""
    uid: int | None = None


def split_address(text: str) -> tuple[str, int] | None:
    """('1.2.3.4', 80) of '1.2.3.4:80' or '[::1]:80'; None for '*' forms."""
    host, _, port = text.rpartition(":")
    if not port.isdigit() or not host or host == "*":
        return None
    host = host.strip("[]")
    if "%" in host:
        host = host.split("%", 1)[0]
    if host.startswith("::ffff:") and "." in host:
        host = host[7:]
    return host, int(port)


def parse_ss(lines: Iterable[str]) -> Iterator[Socket]:
    """Sockets from `ss -tin[p]H[e][E]` output: a header line then a tab-indented info line."""
    header: list[str] | None = None
    raw = ""
    for line in lines:
        if line.startswith(("\t", " ")) and header is not None:
            sent = _BYTES_SENT.search(line)
            acked = _BYTES_ACKED.search(line)
            payload = int(sent.group(1)) if sent else 0
            if acked is not None:
                # bytes_sent counts retransmissions again; bytes_acked counts SYN and FIN.
                payload = min(payload, max(int(acked.group(1)) - 1, 0)) if sent else 0
            users = _USERS.search(raw)
            uid = _UID.search(raw)
            yield Socket(
                state=header[0],
                local=header[3],
                peer=header[4],
                bytes_sent=payload,
                pid=int(users.group(2)) if users else None,
                comm=users.group(1) if users else "",
                uid=int(uid.group(1)) if uid else None,
            )
            header = None
            continue
        fields = line.split()
        header, raw = (fields, line) if len(fields) >= 5 else (None, "")


def normal(peer: str) -> str:
    address = split_address(peer)
    if address is None:
        return peer
    host, port = address
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def die_with_parent() -> None:
    # A kill -9 of the agent must not leave `ss -E` behind: the kernel sends it SIGTERM
    # when the thread that started it (the agent's main thread) dies.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def run(args: tuple[str, ...]) -> str:
    try:
        done = subprocess.run(["ss", *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("ss %s failed: %s", " ".join(args), exc)
        return ""
    return done.stdout
