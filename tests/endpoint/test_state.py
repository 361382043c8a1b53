from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sentinel.endpoint import state
from sentinel.endpoint.queue import EventQueue
from sentinel.model import Event


def test_lock_refuses_a_second_holder_and_names_the_first(tmp_path: Path) -> None:
    first = state.Lock(tmp_path / "s" / "agent.lock")
    first.acquire()
    second = state.Lock(tmp_path / "s" / "agent.lock")
    with pytest.raises(state.AlreadyRunning, match=f"pid {os.getpid()}"):
        second.acquire()
    first.release()
    second.acquire()  # released: free again, the file left in place is harmless
    second.release()


def test_run_state_round_trip_and_a_torn_file_reads_as_unclean(tmp_path: Path) -> None:
    path = tmp_path / "agent.state"
    assert state.read(path) is None
    now = datetime.now(UTC)
    written = state.RunState(pid=42, started=now, heartbeat=now, clean=True)
    state.write(path, written)
    assert state.read(path) == written
    path.write_text('{"pid": 4')
    torn = state.read(path)
    assert torn is not None and not torn.clean and torn.pid == 0


def _event(i: int, kind: str = "file") -> Event:
    return Event(ts=datetime.now(UTC), host="h", account="a", kind=kind, action="read", path=f"/f{i}")


def test_queue_counts_what_it_refuses_and_never_refuses_control_events() -> None:
    queue = EventQueue(3)
    accepted = [queue.put(_event(i)) for i in range(5)] + [queue.put(_event(7, "process"))]
    assert accepted == [True, True, True, False, False, False]
    queue.put_control(_event(9, "coverage"))
    assert len(queue) == 4
    assert queue.take_dropped() == {"file": 2, "process": 1}
    assert queue.take_dropped() == {}
    assert [e.path for e in queue.drain(10)] == ["/f0", "/f1", "/f2", "/f9"]
