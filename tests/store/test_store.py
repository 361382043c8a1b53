"""The Store protocol, run against SQLite and the real PostgreSQL alike."""

from __future__ import annotations

import dataclasses
import os
import stat
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest

from sentinel.errors import StoreError
from sentinel.model import Event
from sentinel.store import Coverage, Store, open_store
from tests.store import factories as f
from tests.store.conftest import PG_DSN, drop_schema, pg_required, with_schema

HOUR = timedelta(hours=1)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def test_events_round_trip_every_field(store: Store) -> None:
    events = [f.event(i) for i in range(3)] + [f.event(3, pid=None, argv=(), path="")]
    store.add_events(events)
    assert list(store.events(since=f.T0)) == events


def test_events_filter_by_time_and_account(store: Store) -> None:
    store.add_events([f.event(i, account="ada" if i % 2 else "bob") for i in range(10)])
    window = list(store.events(since=f.T0 + timedelta(seconds=2), until=f.T0 + timedelta(seconds=6)))
    assert [e.ts.second - f.T0.second for e in window] == [2, 3, 4, 5]
    assert {e.account for e in store.events(since=f.T0, account="bob")} == {"bob"}
    assert list(store.events(since=f.T0 + HOUR)) == []


def test_events_filter_by_host_and_kind(store: Store) -> None:
    # How the agent seeds its detectors from a central store shared by every host.
    kinds = ("file", "process", "network")
    store.add_events([f.event(i, host=f"ws-{i % 2}", kind=kinds[i % 3]) for i in range(12)])
    mine = list(store.events(since=f.T0, host="ws-1", kinds={"file", "network"}))
    assert [(e.host, e.kind) for e in mine] == [("ws-1", kinds[i % 3]) for i in (3, 5, 9, 11)]
    assert list(store.events(since=f.T0, kinds=())) == []
    assert len(list(store.events(since=f.T0, host="ws-0"))) == 6


def test_events_stream_past_a_page(store: Store) -> None:
    # More than one page of the keyset pagination, with ties on ts.
    events = [f.event(i, ts=f.T0 + timedelta(seconds=i // 3)) for i in range(12_000)]
    store.add_events(events)
    assert sum(1 for _ in store.events(since=f.T0)) == 12_000


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="naive"):
        store.add_events([f.event(0, ts=f.T0.replace(tzinfo=None))])


def test_rollups_add_up_across_batches(store: Store) -> None:
    # Two batches in one hour: counts and bytes add, paths seen twice count once.
    store.add_events([f.event(i, path=f"/p/{i % 5}", bytes=10) for i in range(10)])
    store.add_events([f.event(i, path=f"/p/{i}", bytes=1) for i in range(3, 8)])
    store.add_events([f.event(0, action="write", bytes=7)])
    store.add_events([f.event(0, ts=f.T0 + HOUR, account="bob", path="")])
    rollups = store.rollups(since=f.T0)
    reads = [r for r in rollups if r.action == "read" and r.account == "ada"]
    assert len(reads) == 1
    assert (reads[0].count, reads[0].bytes, reads[0].distinct_paths) == (15, 105, 8)
    assert reads[0].hour == f.T0.replace(minute=0, second=0, microsecond=0)
    later = store.rollups(since=f.T0 + HOUR, account="bob")
    assert [(r.account, r.count, r.distinct_paths) for r in later] == [("bob", 1, 0)]


def test_alerts_round_trip_and_filter(store: Store) -> None:
    first, second = f.alert(end=f.T0), f.alert(account="bob", end=f.T0 + HOUR)
    store.add_alerts([first, second])
    assert store.alerts(since=f.T0 - HOUR) == [first, second]
    assert store.alerts(since=f.T0 - HOUR, account="bob") == [second]
    assert store.alerts(since=f.T0 - HOUR, until=f.T0 + timedelta(minutes=1)) == [first]


def test_findings_keep_their_scan_context(store: Store) -> None:
    found = [f.finding(), f.finding(account="bob", commit=False)]
    store.add_findings(found, context=f.context())
    store.add_findings([], context=f.context(ts=f.T0 + HOUR))
    stored = store.findings(since=f.T0)
    assert [s.finding for s in stored] == found
    assert {s.context for s in stored} == {f.context()}
    assert [s.finding.account for s in store.findings(since=f.T0, account="bob")] == ["bob"]


def test_coverage_round_trip(store: Store) -> None:
    record = Coverage(ts=f.T0, host="ws-17", source="forwarder", kind="spool-drop", count=3, detail="d")
    store.add_coverage([record])
    assert store.coverage(since=f.T0 - HOUR) == [record]


def test_purge_keeps_rollups_alerts_and_findings(store: Store) -> None:
    store.add_events([f.event(i, ts=f.T0 + timedelta(hours=i)) for i in range(4)])
    store.add_alerts([f.alert()])
    store.add_findings([f.finding()], context=f.context())
    purged = store.purge(events_before=f.T0 + timedelta(hours=2))
    assert (purged.events, purged.rollups) == (2, 0)
    assert len(list(store.events(since=f.T0))) == 2
    assert len(store.rollups(since=f.T0)) == 4
    assert store.purge(events_before=f.T0, rollups_before=f.T0 + timedelta(hours=1)).rollups == 1
    assert len(store.alerts(since=f.T0 - HOUR)) == len(store.findings(since=f.T0)) == 1


def test_reopening_does_not_migrate_again(store_url: str) -> None:
    first = open_store(store_url)
    first.add_events([f.event(0)])
    first.close()
    again = open_store(store_url)
    assert len(list(again.events(since=f.T0))) == 1
    version = again.schema_version()  # type: ignore[attr-defined]
    again.close()
    assert version == 1


def test_a_newer_schema_is_refused(store_url: str) -> None:
    store = open_store(store_url)
    store.add_events([f.event(0)])
    store.close()
    _bump_version(store_url)
    with pytest.raises(StoreError, match="schema version 99, newer"):
        open_store(store_url)


def _bump_version(url: str) -> None:
    if url.startswith("sqlite://"):
        import sqlite3

        with sqlite3.connect(url[len("sqlite://") :]) as conn:
            conn.execute("INSERT INTO schema_version VALUES (99, '0099_future', 'x')")
        return
    schema = url.rsplit("schema=", 1)[1]
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f"INSERT INTO {schema}.schema_version VALUES (99, '0099_future', 'x')")


def test_concurrent_writers_lose_nothing(store_url: str) -> None:
    stores = [open_store(store_url) for _ in range(4)]

    def write(store: Store, n: int) -> None:
        for batch in range(10):
            store.add_events([f.event(i, account=f"w{n}") for i in range(batch * 50, batch * 50 + 50)])

    threads = [threading.Thread(target=write, args=(s, n)) for n, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reader = stores[0]
    assert sum(1 for _ in reader.events(since=f.T0)) == 2000
    assert sum(r.count for r in reader.rollups(since=f.T0)) == 2000
    for s in stores:
        s.close()


def test_sqlite_uses_wal_and_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "state" / "sentinel.db"
    open_store(f"sqlite://{path}").close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    import sqlite3

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_unopenable_sqlite_path_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StoreError) as info:
        open_store(f"sqlite://{blocker}/sub/x.db")
    assert "\n" not in str(info.value)
    assert str(blocker) in str(info.value)


def test_a_dead_postgresql_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as info:
        open_store("postgresql://agent:s3cret-pw@127.0.0.1:1/central?connect_timeout=2")
    message = str(info.value)
    assert "\n" not in message
    assert "s3cret-pw" not in message
    assert "postgresql://agent:***@127.0.0.1:1/central" in message
    assert "refused" in message.lower()


def test_a_password_from_a_file_is_never_echoed(tmp_path: Path, pg_schema: str) -> None:
    pg_required()
    secret = tmp_path / "pw"
    secret.write_text("hunter2-not-this\n")
    os.chmod(secret, 0o600)
    # Trust auth accepts any password, so the store opens: the point is it is never echoed.
    store = open_store(with_schema(PG_DSN, pg_schema), password_file=secret)
    with pytest.raises(StoreError) as info:
        store.add_events([dataclasses.replace(f.event(0), host="x" * 3, pid=2**40)])
    store.close()
    assert "hunter2" not in str(info.value)
    assert "\n" not in str(info.value)


def test_unknown_scheme() -> None:
    with pytest.raises(StoreError, match="unknown store URL scheme 'mysql'"):
        open_store("mysql://db/x")


def test_event_kinds_keep_their_shape(store: Store) -> None:
    events = [
        Event(ts=f.T0, host="h", account="a", kind="network", action="connect", remote="203.0.113.9:443"),
        Event(ts=f.T0, host="h", account="a", kind="repo", action="push", remote="git@evil.example:x.git"),
    ]
    store.add_events(events)
    assert list(store.events(since=f.T0)) == events


__all__ = ["drop_schema"]
