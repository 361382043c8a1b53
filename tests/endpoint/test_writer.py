"""The writer thread in-process with real SQLite stores."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sentinel.endpoint.queue import EventQueue
from sentinel.endpoint.writer import Writer
from sentinel.model import Alert, Event, Role, Severity
from sentinel.store import Store, open_store


def _event(i: int, action: str = "read") -> Event:
    return Event(ts=datetime.now(UTC), host="h", account="a", kind="file", action=action, path=f"/f{i}")


def _coverage(action: str, detail: str, count: int) -> Event:
    return Event(
        ts=datetime.now(UTC),
        host="h",
        account="a",
        kind="coverage",
        action=action,
        detail=detail,
        bytes=count,
    )


class StoredFirst:
    """A detector that checks, for every event it is fed, that the event is already committed."""

    id = "stored-first"
    consumes = frozenset({("file", "*")})

    def __init__(self, url: str) -> None:
        self.url = url
        self.unstored: list[str] = []
        self.fed = 0

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        self.fed += 1
        reader = open_store(self.url, migrate=False)  # another connection: sees only committed rows
        try:
            paths = {e.path for e in reader.events(since=now - timedelta(minutes=1))}
        finally:
            reader.close()
        if event.path not in paths:
            self.unstored.append(event.path)
        if event.path == "/f5":
            yield Alert(detector=self.id, severity=Severity.LOW, account="a", role=Role.UNKNOWN, host="h",
                        window_start=event.ts, window_end=event.ts, message="seen")  # fmt: skip

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())


def test_events_are_committed_before_any_detector_sees_them(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 's.db'}"
    open_store(url).close()
    queue = EventQueue(100)
    detector = StoredFirst(url)
    writer = Writer(queue=queue, open_store=lambda: open_store(url), detectors=[detector], batch_size=4,
                    batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage)  # fmt: skip
    writer.start()
    writer.ready.wait()
    for i in range(10):
        queue.put(_event(i))
    writer.stop()
    assert detector.fed == 10 and detector.unstored == []
    store = open_store(url, migrate=False)
    assert [a.message for a in store.alerts(since=datetime.now(UTC) - timedelta(minutes=1))] == ["seen"]
    store.close()


class BrokenStore:
    """A real SQLite store whose connection was closed under it: every write fails."""

    def __init__(self, url: str) -> None:
        self.store = open_store(url)
        self.store.close()

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def close(self) -> None:
        pass


def test_a_store_that_refuses_at_shutdown_spills_and_the_next_start_reingests(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 's.db'}"
    queue = EventQueue(100)
    broken: Store = BrokenStore(url)  # type: ignore[assignment]
    writer = Writer(queue=queue, open_store=lambda: broken, detectors=[], batch_size=100,
                    batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage)  # fmt: skip
    writer.start()
    writer.ready.wait()
    for i in range(7):
        queue.put(_event(i))
    writer.stop()
    (spill,) = tmp_path.glob("spill-*.jsonl")
    assert len(spill.read_text().splitlines()) == 7
    again = Writer(queue=EventQueue(10), open_store=lambda: open_store(url), detectors=[], batch_size=10,
                   batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage)  # fmt: skip
    again.start()
    again.ready.wait()
    again.stop()
    assert not list(tmp_path.glob("spill-*.jsonl"))
    store = open_store(url, migrate=False)
    assert sorted(e.path for e in store.events(since=datetime.now(UTC) - timedelta(minutes=1))) == [
        f"/f{i}" for i in range(7)
    ]
    store.close()


class Explodes:
    """A detector with a bug that fires on one kind of event."""

    id = "explodes"
    consumes = frozenset({("file", "*")})

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.path == "/f3":
            raise ZeroDivisionError("detector bug")
        return iter(())

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())


def test_one_bad_event_for_one_detector_stops_nothing(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 's.db'}"
    queue = EventQueue(100)
    detector = StoredFirst(url)
    open_store(url).close()
    writer = Writer(queue=queue, open_store=lambda: open_store(url), detectors=[Explodes(), detector],
                    batch_size=100, batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage)  # fmt: skip
    writer.start()
    writer.ready.wait()
    for i in range(8):
        queue.put(_event(i))
    writer.stop()
    assert writer.detector_errors == 1
    assert writer.persisted == 8 and detector.fed == 8


def test_retention_purges_old_raw_events(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 's.db'}"
    store = open_store(url)
    old = Event(ts=datetime.now(UTC) - timedelta(days=40), host="h", account="a", kind="file", action="read",
                path="/old")  # fmt: skip
    store.add_events([old])
    store.close()
    writer = Writer(queue=EventQueue(10), open_store=lambda: open_store(url), detectors=[], batch_size=10,
                    batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage,
                    retention=timedelta(days=30))  # fmt: skip
    writer.start()
    writer.ready.wait()
    writer.stop()
    store = open_store(url, migrate=False)
    assert list(store.events(since=datetime.now(UTC) - timedelta(days=100))) == []
    store.close()


class Learner:
    """A seeded detector that records what it was seeded with and what it was fed."""

    id = "learner"
    consumes = frozenset({("file", "*")})

    def __init__(self) -> None:
        self.seeded: list[str] = []
        self.fed: list[str] = []

    def lookback(self) -> timedelta:
        return timedelta(hours=1)

    def seed(self, events: Iterable[Event], now: datetime) -> int:
        self.seeded = [e.path for e in events]
        return len(self.seeded)

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        self.fed.append(event.path)
        return iter(())

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())


def test_detectors_are_seeded_from_the_store_at_start_and_after_a_reload(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 's.db'}"
    store = open_store(url)
    old = Event(ts=datetime.now(UTC) - timedelta(hours=2), host="h", account="a", kind="file", action="read",
                path="/too-old")  # fmt: skip
    store.add_events([old, _event(1), _event(2)])
    store.close()
    queue = EventQueue(100)
    first = Learner()
    writer = Writer(queue=queue, open_store=lambda: open_store(url), detectors=[first, StoredFirst(url)],
                    batch_size=10, batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage)  # fmt: skip
    writer.start()
    writer.ready.wait()
    queue.put(_event(3))
    deadline = time.monotonic() + 10
    while not first.fed and time.monotonic() < deadline:
        time.sleep(0.01)
    second = Learner()  # a reload builds fresh detectors: they learn from the store too
    writer.detectors = [second]
    queue.put(_event(4))
    writer.stop()
    # Seeding runs beside the writer: an event stored just as it reads the store (/f3, /f4)
    # may be seen twice, harmless for windows of distinct files; none is missed.
    assert first.seeded[:2] == ["/f1", "/f2"] and first.fed == ["/f3"]
    assert second.seeded[:3] == ["/f1", "/f2", "/f3"] and second.fed == ["/f4"]


def test_seeding_reads_only_this_hosts_events_of_the_kinds_a_detector_consumes(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 's.db'}"  # one store shared by several hosts, like a central one
    store = open_store(url)
    now = datetime.now(UTC) - timedelta(minutes=5)
    store.add_events([
        Event(ts=now, host=host, account="a", kind=kind, action="exec" if kind == "process" else "read",
              path=f"/{host}/{kind}")
        for host in ("h", "other") for kind in ("file", "process")
    ])  # fmt: skip
    store.close()
    learner = Learner()
    writer = Writer(queue=EventQueue(10), open_store=lambda: open_store(url), detectors=[learner],
                    batch_size=10, batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage,
                    host="h")  # fmt: skip
    writer.start()
    writer.ready.wait()
    writer.stop()
    assert learner.seeded == ["/h/file"]


class SlowLearner(Learner):
    """Seeding that takes as long as the test wants."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def seed(self, events: Iterable[Event], now: datetime) -> int:
        used = super().seed(events, now)
        self.release.wait(10)
        return used


def test_the_writer_keeps_persisting_while_detectors_are_seeded(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 's.db'}"
    open_store(url).close()
    queue = EventQueue(100)
    learner = SlowLearner()
    writer = Writer(queue=queue, open_store=lambda: open_store(url), detectors=[learner], batch_size=10,
                    batch_interval=0.01, spill_dir=tmp_path, coverage=_coverage)  # fmt: skip
    writer.start()
    writer.ready.wait()
    for i in range(30):
        queue.put(_event(i))

    def stored() -> int:
        reader = open_store(url, migrate=False)
        try:
            return len(list(reader.events(since=datetime.now(UTC) - timedelta(minutes=1))))
        finally:
            reader.close()

    deadline = time.monotonic() + 10
    while stored() < 30 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert stored() == 30 and learner.fed == []  # persisted, held back from the learning detector
    learner.release.set()
    writer.stop()
    assert learner.fed == [f"/f{i}" for i in range(30)]  # then all of them, in order
