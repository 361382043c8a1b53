"""Store-and-forward against real PostgreSQL servers: exactly once, backoff, spool."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from bench.pgserver import TempPostgres, free_port
from sentinel.config import CentralConfig
from sentinel.store import outbox
from sentinel.store.forward import Forwarder
from sentinel.store.sqlite import SqliteStore
from tests.store import factories as f
from tests.store.conftest import PG_DSN, drop_schema, with_schema


def settings(url: str, **changes: object) -> CentralConfig:
    values: dict[str, object] = {
        "url": url,
        "migrate": True,
        "batch_size": 100,
        "interval": 0.0,
        "backoff_initial": 0.05,
        "backoff_max": 0.4,
        "forward_raw_events": True,
    }
    values.update(changes)
    return CentralConfig(**values)  # type: ignore[arg-type]


def now() -> datetime:
    return datetime.now(UTC)


def central_counts(dsn: str, schema: str) -> dict[str, tuple[int, int]]:
    """table -> (rows, distinct uids) in the central schema."""
    with psycopg.connect(dsn) as conn:
        return {
            table: conn.execute(f"SELECT count(*), count(DISTINCT uid) FROM {schema}.{table}").fetchone()  # type: ignore[misc]
            for table in ("events", "alerts", "findings", "scan_contexts", "rollups", "coverage")
        }


def central_rollup_total(dsn: str, schema: str) -> int:
    with psycopg.connect(dsn) as conn:
        row = conn.execute(f"SELECT coalesce(sum(count), 0) FROM {schema}.rollups").fetchone()
        return int(row[0]) if row else 0


def rewind(local: SqliteStore) -> None:
    """As if the agent died after the central commit but before recording it."""
    with sqlite3.connect(local.path) as conn:
        conn.execute("UPDATE outbox SET last_rev = 0, last_id = 0")


def fill(local: SqliteStore, events: int = 950) -> None:
    local.add_events([f.event(i) for i in range(events)])
    local.add_alerts([f.alert(), f.alert(account="bob")])
    local.add_findings([f.finding(), f.finding(commit=False)], context=f.context())


def test_everything_arrives_once_even_when_sent_twice(local: SqliteStore, pg_schema: str) -> None:
    fill(local)
    forwarder = Forwarder(local, settings(with_schema(PG_DSN, pg_schema)), host="ws-17")
    sent = forwarder.drain(now)
    expected = {
        "events": (950, 950), "alerts": (2, 2), "findings": (2, 2), "scan_contexts": (1, 1),
        "rollups": (1, 1), "coverage": (0, 0),
    }  # fmt: skip
    assert central_counts(PG_DSN, pg_schema) == expected
    assert sent == 950 + 2 + 1 + 2 + 1  # events, alerts, context, findings, rollup
    rewind(local)
    assert forwarder.drain(now) == sent  # sent again, in full...
    assert central_counts(PG_DSN, pg_schema) == expected  # ...and stored once
    assert all(backlog == 0 for backlog in map(lambda s: outbox.backlog(local, s), outbox.DEFAULT_STREAMS))
    forwarder.close()


def test_a_clean_scan_is_on_record_centrally(local: SqliteStore, pg_schema: str) -> None:
    local.add_findings([], context=f.context())
    forwarder = Forwarder(local, settings(with_schema(PG_DSN, pg_schema)))
    assert forwarder.drain(now) == 1
    forwarder.close()
    assert central_counts(PG_DSN, pg_schema)["scan_contexts"] == (1, 1)


def test_raw_events_stay_local_by_default(local: SqliteStore, pg_schema: str) -> None:
    fill(local, events=10)
    forwarder = Forwarder(local, settings(with_schema(PG_DSN, pg_schema), forward_raw_events=False))
    forwarder.drain(now)
    forwarder.close()
    counts = central_counts(PG_DSN, pg_schema)
    assert counts["events"] == (0, 0)
    assert counts["rollups"] == (1, 1)
    assert central_rollup_total(PG_DSN, pg_schema) == 10


def test_a_rollup_is_updated_as_its_hour_fills_never_back(local: SqliteStore, pg_schema: str) -> None:
    forwarder = Forwarder(local, settings(with_schema(PG_DSN, pg_schema)))
    local.add_events([f.event(i) for i in range(5)])
    forwarder.drain(now)
    local.add_events([f.event(i) for i in range(5, 8)])
    forwarder.drain(now)
    assert central_rollup_total(PG_DSN, pg_schema) == 8
    rewind(local)  # re-sending the old revisions must not undo the newer one
    forwarder.drain(now)
    forwarder.close()
    assert central_rollup_total(PG_DSN, pg_schema) == 8
    assert central_counts(PG_DSN, pg_schema)["rollups"] == (1, 1)


def test_backs_off_exponentially_while_refused(local: SqliteStore) -> None:
    fill(local, events=3)
    url = f"postgresql://sentinel@127.0.0.1:{free_port()}/central"
    forwarder = Forwarder(local, settings(url, backoff_initial=1.0, backoff_max=8.0), rng=lambda: 1.0)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    delays = []
    clock = start
    for _ in range(6):
        assert forwarder.step(clock) == 0
        status = forwarder.status
        assert status.next_attempt is not None
        delays.append((status.next_attempt - clock).total_seconds())
        # Before the next attempt is due a step does nothing at all.
        assert forwarder.step(clock + timedelta(seconds=0.5)) == 0
        assert forwarder.status.failures == len(delays)
        clock = status.next_attempt
    assert delays == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert "\n" not in forwarder.status.last_error
    assert "refused" in forwarder.status.last_error.lower()
    assert outbox.backlog(local, outbox.ALERTS) == 2  # nothing given up


def test_the_final_round_at_stop_does_not_wait_for_the_interval(local: SqliteStore, pg_schema: str) -> None:
    fill(local, events=3)
    forwarder = Forwarder(local, settings(with_schema(PG_DSN, pg_schema), interval=3600.0))
    clock = now()
    assert forwarder.step(clock) > 0  # caught up: the next round is an hour away
    local.add_alerts([f.alert(account="carol")])  # written by the agent's last flush
    assert forwarder.step(clock + timedelta(seconds=1)) == 0
    assert forwarder.step(clock + timedelta(seconds=1), final=True) == 1
    assert central_counts(PG_DSN, pg_schema)["alerts"] == (3, 3)
    forwarder.close()


def test_the_final_round_keeps_a_backoff(local: SqliteStore) -> None:
    fill(local, events=3)
    url = f"postgresql://sentinel@127.0.0.1:{free_port()}/central"
    forwarder = Forwarder(local, settings(url, backoff_initial=60.0, backoff_max=120.0, connect_timeout=1.0))
    clock = now()
    assert forwarder.step(clock) == 0 and forwarder.status.failures == 1
    assert forwarder.step(clock + timedelta(seconds=1), final=True) == 0
    assert forwarder.status.failures == 1  # no second connection attempt: stopping never waits on it
    forwarder.close()


def test_the_spool_is_bounded_and_says_what_it_dropped(local: SqliteStore, pg_schema: str) -> None:
    local.add_events([f.event(i) for i in range(250)])
    dead = f"postgresql://sentinel@127.0.0.1:{free_port()}/central"
    forwarder = Forwarder(local, settings(dead, spool_limit=100), host="ws-17")
    assert forwarder.step(now()) == 0
    assert outbox.backlog(local, outbox.EVENTS) == 100
    assert outbox.totals(local)["events"] == (0, 150)
    # The link comes back (here: the agent is pointed at a live server).
    forwarder = Forwarder(local, settings(with_schema(PG_DSN, pg_schema), spool_limit=100), host="ws-17")
    forwarder.drain(now)
    forwarder.close()
    counts = central_counts(PG_DSN, pg_schema)
    assert counts["events"] == (100, 100)
    assert counts["coverage"] == (1, 1)
    with psycopg.connect(PG_DSN) as conn:
        row = conn.execute(f"SELECT host, kind, count, detail FROM {pg_schema}.coverage").fetchone()
    assert row is not None
    assert row[:3] == ("ws-17", "spool-drop", 150)
    assert "local ids 1..150" in row[3]
    # The newest 100 were kept: ids 151..250.
    with psycopg.connect(PG_DSN) as conn:
        low = conn.execute(f"SELECT min(bytes) FROM {pg_schema}.events").fetchone()
    assert low == (1000 + 150,)


def test_purging_unforwarded_events_leaves_a_coverage_record(local: SqliteStore, pg_schema: str) -> None:
    forwarder = Forwarder(local, settings(with_schema(PG_DSN, pg_schema)))
    local.add_events([f.event(i) for i in range(3)])
    forwarder.drain(now)
    local.add_events([f.event(i) for i in range(3, 10)])
    local.purge(events_before=f.T0 + timedelta(hours=1))
    records = local.coverage(since=f.T0)
    assert [(r.kind, r.count) for r in records] == [("purged-unforwarded", 7)]
    forwarder.drain(now)
    forwarder.close()
    assert central_counts(PG_DSN, pg_schema)["coverage"] == (1, 1)


@pytest.fixture
def outage_server(temp_postgres: TempPostgres) -> Iterator[tuple[TempPostgres, str]]:
    schema = "fwd_outage"
    yield temp_postgres, with_schema(temp_postgres.dsn, schema)
    if not temp_postgres.running:
        temp_postgres.start()
    drop_schema(temp_postgres.dsn, schema)


def test_the_server_stops_mid_forwarding_and_every_row_arrives_once(
    local: SqliteStore, outage_server: tuple[TempPostgres, str]
) -> None:
    server, url = outage_server
    total_batches = 40
    done = threading.Event()

    def agent_writes() -> None:
        # The agent keeps recording throughout the outage, through its own connection
        # to the same file, as the daemon's writer does.
        writer = SqliteStore(local.path)
        for n in range(total_batches):
            writer.add_events([f.event(n * 50 + i, ts=f.T0 + timedelta(minutes=n)) for i in range(50)])
            writer.add_alerts([f.alert(end=f.T0 + timedelta(minutes=n))])
            time.sleep(0.02)
        writer.close()
        done.set()

    forwarder = Forwarder(local, settings(url, batch_size=50, max_batches=2))
    writer = threading.Thread(target=agent_writes)
    writer.start()
    outage_seen = restarted = False
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            forwarder.step(now())
            forwarded = outbox.totals(local).get("events", (0, 0))[0]
            if not outage_seen and forwarded >= 300:
                server.stop("immediate")  # a crash, mid-stream, with batches in flight
                outage_seen = True
                outage_end = time.monotonic() + 1.5
            if outage_seen and not restarted and time.monotonic() > outage_end:
                assert forwarder.status.failures > 0
                server.start()
                restarted = True
            streams = (*outbox.DEFAULT_STREAMS, outbox.EVENTS)
            caught_up = restarted and done.is_set() and forwarder.status.failures == 0
            if caught_up and all(outbox.backlog(local, s) == 0 for s in streams):
                break
            time.sleep(0.01)
    finally:
        writer.join()
        forwarder.close()
    assert outage_seen and restarted
    schema = url.rsplit("=", 1)[1]
    counts = central_counts(server.dsn, schema)
    assert counts["events"] == (total_batches * 50, total_batches * 50)
    assert counts["alerts"] == (total_batches, total_batches)
    local_rollups = local.rollups(since=f.T0)
    assert counts["rollups"] == (len(local_rollups), len(local_rollups))
    assert central_rollup_total(server.dsn, schema) == sum(r.count for r in local_rollups) == 2000
