"""The psutil process poller: new processes become exec events; what it misses is said."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources import processes
from sentinel.identities import Directory
from sentinel.model import Event


class _Proc:
    def __init__(self, **info: Any) -> None:
        self.info = info

    def as_dict(self, attrs: list[str]) -> dict[str, Any]:
        return {k: self.info.get(k) for k in attrs}


class _Uids:
    real = 1000


def test_only_processes_new_since_the_last_poll_are_events() -> None:
    table = [
        _Proc(
            pid=1,
            ppid=0,
            create_time=1.0,
            cmdline=["init"],
            cwd="/",
            uids=_Uids(),
            exe="/sbin/init",
            name="init",
        )
    ]
    events: list[Event] = []

    def process_iter(attrs: list[str]) -> Iterator[_Proc]:
        return iter(list(table))

    poller = processes.ProcessPoller(
        host="h", attributor=Attributor(Directory.of(()), "owner"), emit=events.append, interval=0.5,
        process_iter=process_iter, own_pid=99,
    )  # fmt: skip
    poller.poll(announce=False)
    table.append(_Proc(pid=7, ppid=1, create_time=2.0, cmdline=["scp", "x", "h:/"], cwd="/src", uids=_Uids(),
                       exe="/usr/bin/scp", name="scp"))  # fmt: skip
    table.append(
        _Proc(pid=8, ppid=99, create_time=2.0, cmdline=["ss"], cwd="/", uids=_Uids(), exe="", name="ss")
    )
    poller.poll()
    poller.poll()
    (event,) = events
    assert (event.kind, event.action, event.argv, event.pid, event.account) == (
        "process", "exec", ("scp", "x", "h:/"), 7, "owner",
    )  # fmt: skip
    assert event.detail.startswith("cwd=/src ppid=1 uid=1000 source=poll every 0.5 s")


def test_a_real_process_is_seen_by_the_poller() -> None:
    events: list[Event] = []
    poller = processes.ProcessPoller(
        host="h", attributor=Attributor(Directory.of(()), "owner"), emit=events.append, interval=0.1
    )
    poller.start()
    try:
        # Through a shell: the poller ignores the agent's own children (its ss and git calls).
        probe = f"{sys.executable} -c 'import time; time.sleep(1)' sentinel-poll-probe; true"
        child = subprocess.Popen(["sh", "-c", probe])
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any("sentinel-poll-probe" in e.argv for e in events):
            time.sleep(0.05)
        child.wait(5)
    finally:
        poller.stop()
    assert any("sentinel-poll-probe" in e.argv for e in events)
