"""The agent's lock and run-state file in the state directory.

The lock (flock on `agent.lock`, next to the SQLite store or in the state
directory) refuses a second agent on the same store; the kernel releases it
when the process dies, so a `kill -9` never leaves a stale lock.

The run-state file (`agent.state`, JSON, replaced atomically) holds the pid,
start time, last heartbeat and whether the run stopped cleanly. On start, a
state that says running means the previous agent died without stopping: the
gap from its last heartbeat to now is recorded.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sentinel.errors import SentinelError


class AlreadyRunning(SentinelError):
    """Another agent holds the lock on this store."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RunState:
    pid: int
    started: datetime
    heartbeat: datetime
    clean: bool


class Lock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Raises AlreadyRunning naming the holder's pid when one is known."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip()
            os.close(fd)
            raise AlreadyRunning(
                f"another sentinel agent (pid {holder or '?'}) is already running on this store ({self.path})"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock; the file stays (unlinking races a new holder)
            self._fd = None


def read(path: Path) -> RunState | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RunState(
            pid=int(data["pid"]),
            started=datetime.fromisoformat(data["started"]),
            heartbeat=datetime.fromisoformat(data["heartbeat"]),
            clean=bool(data["clean"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # A torn or foreign file: treat it as an unclean stop of unknown time.
        unknown = datetime.min.replace(tzinfo=UTC)
        return RunState(pid=0, started=unknown, heartbeat=unknown, clean=False)


def write(path: Path, state: RunState) -> None:
    data = {
        "pid": state.pid,
        "started": state.started.isoformat(),
        "heartbeat": state.heartbeat.isoformat(),
        "clean": state.clean,
    }
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
