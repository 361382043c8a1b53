"""The real agent forwarding to the real central PostgreSQL while it monitors."""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from sentinel.model import Alert, Event
from sentinel.store import open_store
from tests.endpoint.conftest import AgentEnv
from tests.store.conftest import PG_DSN, pg_schema, with_schema

__all__ = ["pg_schema"]  # the fixture, shared with tests/store

pytestmark = pytest.mark.inotify


def _key(event: Event) -> tuple[object, ...]:
    return (event.ts, event.kind, event.action, event.path, event.account, event.bytes)


def _central(url: str) -> tuple[list[Alert], list[Event]]:
    store = open_store(url, migrate=False)
    try:
        since = datetime.now(UTC) - timedelta(days=1)
        return list(store.alerts(since=since)), list(store.events(since=since))
    finally:
        store.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another uid needs root")
def test_the_agent_forwards_its_alert_and_events_once(env: AgentEnv, pg_schema: str) -> None:
    central = with_schema(PG_DSN, pg_schema)
    open_store(central).close()  # the central schema, as `sentinel central init` leaves it
    config = yaml.safe_load(env.config.read_text())
    config["central"] = {"url": central, "forward_raw_events": True, "interval": 0.2}
    env.config.write_text(yaml.safe_dump(config))
    data = env.tree / "customers"
    data.mkdir()
    for i in range(60):
        path = data / f"c{i:03}.csv"
        path.write_text(f"row {i}\n")
        os.chown(path, 4242, 4242)

    agent = env.agent().start()
    for path in sorted(data.iterdir()):
        path.read_bytes()
    env.wait_until(lambda: env.alerts("bulk-read"), what="the local alert")
    env.wait_until(lambda: _central(central)[0], timeout=30, what="the alert at the central store")
    assert agent.stop() == 0  # a clean stop forwards what is left

    alerts, events = _central(central)
    local = env.events()
    assert [a.account for a in alerts if a.detector == "bulk-read"] == ["alice"]
    # Sent by the last round, after the writer flushed: the stop is visible centrally.
    assert Counter(a.detector for a in alerts) == Counter(a.detector for a in env.alerts())
    reads = {e.path for e in events if e.kind == "file" and e.action == "read"}
    assert reads == {str(p) for p in data.iterdir()}
    # Every local event arrived once: forwarding retries never duplicate.
    assert Counter(map(_key, events)) == Counter(map(_key, local))


def test_a_dead_central_store_never_stops_monitoring(env: AgentEnv, tmp_path: Path) -> None:
    config = yaml.safe_load(env.config.read_text())
    config["agent"]["account"] = "bob"
    config["central"] = {"url": "postgresql://agent@127.0.0.1:1/central", "connect_timeout": 1}
    env.config.write_text(yaml.safe_dump(config))
    agent = env.agent().start()
    (env.tree / "notes.txt").write_text("still watched\n")
    env.wait_until(lambda: env.events(kind="file", path=str(env.tree / "notes.txt")), what="the local event")
    assert agent.alive
    assert agent.stop() == 0
    assert "127.0.0.1:1" in agent.stderr()  # the outage is logged, without credentials
