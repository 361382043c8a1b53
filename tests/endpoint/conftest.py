"""The real agent as a subprocess against real trees, plus leak guards.

`AgentRun` starts `python -m sentinel agent --config FILE` with NOTIFY_SOCKET
pointing at a datagram socket the test owns, so readiness is systemd's
READY=1, not a sleep. Every run started by a test is stopped at teardown; a
run still alive then is killed and fails the test, and so does a thread the
test left behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from sentinel.model import Alert, Event
from sentinel.store import open_store

ROOT = Path(__file__).resolve().parents[2]

ACTIVITY = {
    "thresholds": {
        "bulk-read": {"window_seconds": 30, "floor": 25, "k": 5},
        "mass-copy-out": {"window_seconds": 30, "files": 10, "bytes": 10_000_000},
        "staging": {"min_bytes": 100_000},
        "off-hours-bulk": {"window_seconds": 30, "floor": 1000},
    },
    "ignore": ["*/.git/*", "*/build/*"],
    "archive_extensions": [".tar.gz", ".zip", ".bundle"],
    "cloud_sync": ["*/Dropbox/*"],
}


class AgentRun:
    def __init__(self, config: Path, log: Path) -> None:
        self.config = config
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None
        self._notify: socket.socket | None = None
        self.messages: list[str] = []

    def start(self, *, wait: bool = True, timeout: float = 20.0) -> AgentRun:
        address = str(self.config.parent / f"notify-{time.monotonic_ns()}.sock")
        self._notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._notify.bind(address)
        env = {**os.environ, "NOTIFY_SOCKET": address, "PYTHONPATH": str(ROOT)}
        with open(self.log, "ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sentinel", "agent", "--config", str(self.config)],
                stderr=err,
                stdout=subprocess.DEVNULL,
                env=env,
                cwd=self.config.parent,
            )
        if wait:
            self.wait_for("READY=1", timeout)
        return self

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        assert self._notify is not None and self.proc is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in m for m in self.messages):
                return
            if self.proc.poll() is not None:
                raise AssertionError(f"agent exited {self.proc.returncode}:\n{self.stderr()}")
            self._notify.settimeout(0.2)
            with contextlib.suppress(TimeoutError):
                self.messages.append(self._notify.recv(4096).decode())
        raise AssertionError(f"no {text!r} from the agent in {timeout} s:\n{self.stderr()}")

    def stop(self, timeout: float = 30.0) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout)
        self._close()
        return code

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)
        self._close()

    def _close(self) -> None:
        if self._notify is not None:
            self._notify.close()
            self._notify = None

    def stderr(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


class AgentEnv:
    """A temporary host: a watched tree, a state dir, identities, a config."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.tree = base / "tree"
        self.state = base / "state"
        self.tree.mkdir()
        self.config = base / "sentinel.yaml"
        self.identities = base / "identities.yaml"
        self.activity = base / "activity.yaml"
        self.runs: list[AgentRun] = []
        self.identities.write_text(
            yaml.safe_dump(
                {
                    "accounts": [
                        {"id": "alice", "role": "contractor", "uids": [4242], "hosts": []},
                        {"id": "bob", "role": "employee", "uids": [4343],
                         "approved_remotes": ["git.corp.example", f"localhost{base}/approved.git"]},
                    ]
                }
            )
        )  # fmt: skip
        self.activity.write_text(yaml.safe_dump(ACTIVITY))
        self.write_config()

    def write_config(self, **agent: object) -> None:
        settings: dict[str, object] = {
            "watch": [str(self.tree)],
            "state_dir": str(self.state),
            "activity": str(self.activity),
            "heartbeat": 1,
            "poll_interval": 0.2,
            "batch_interval": 0.05,
            "audit": "off",
            "scan_commits": False,
            "mount_roots": [str(self.base / "media")],
        }
        settings.update(agent)
        self.config.write_text(
            yaml.safe_dump({"identities": str(self.identities), "weights": {"unknown": 0}, "agent": settings})
        )

    def agent(self) -> AgentRun:
        run = AgentRun(self.config, self.base / f"agent-{len(self.runs)}.log")
        self.runs.append(run)
        return run

    @property
    def store_url(self) -> str:
        return f"sqlite://{self.state / 'sentinel.db'}"

    def events(self, **filters: str) -> list[Event]:
        store = open_store(self.store_url, migrate=False)
        try:
            found = store.events(since=datetime.now(UTC) - timedelta(days=1))
            return [e for e in found if all(getattr(e, k) == v for k, v in filters.items())]
        finally:
            store.close()

    def alerts(self, detector: str | None = None) -> list[Alert]:
        store = open_store(self.store_url, migrate=False)
        try:
            found = store.alerts(since=datetime.now(UTC) - timedelta(days=1))
            return [a for a in found if detector is None or a.detector == detector]
        finally:
            store.close()

    def wait_until(self, predicate: object, timeout: float = 15.0, what: str = "") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():  # type: ignore[operator]
                return
            time.sleep(0.1)
        logs = "\n".join(r.stderr() for r in self.runs)
        raise AssertionError(f"timed out waiting for {what}\n{logs}")


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AgentEnv]:
    environment = AgentEnv(tmp_path)
    yield environment
    leaked = [run for run in environment.runs if run.alive]
    for run in leaked:
        run.kill()
    assert not leaked, "an agent was left running by the test"


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        extra = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not extra:
            return
        time.sleep(0.05)
    raise AssertionError(f"threads leaked by the test: {[t.name for t in extra]}")
