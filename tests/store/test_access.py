"""Central roles and grants, on the real server: agents insert their own rows and nothing more."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from sentinel.config import CentralConfig
from sentinel.store import access, urls
from sentinel.store.forward import Forwarder
from sentinel.store.postgres import PostgresStore
from sentinel.store.sqlite import SqliteStore
from tests.store import factories as f
from tests.store.conftest import PG_DSN, with_schema


@pytest.fixture
def central(pg_schema: str) -> Iterator[tuple[str, dict[str, str]]]:
    """A migrated central schema with an agent group, a reader and two host logins."""
    tag = uuid.uuid4().hex[:8]
    roles = {
        "agent": f"t_agent_{tag}",
        "reader": f"t_reader_{tag}",
        "host1": f"t_ws1_{tag}",
        "host2": f"t_ws2_{tag}",
    }
    admin = PostgresStore(urls.parse(with_schema(PG_DSN, pg_schema)))
    try:
        access.grant(admin, agent=roles["agent"], reader=roles["reader"])
        access.add_agent(admin, roles["host1"], agent=roles["agent"])
        access.add_agent(admin, roles["host2"], agent=roles["agent"])
        yield pg_schema, roles
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{pg_schema}" CASCADE')
        for name in ("host1", "host2", "agent", "reader"):
            access.drop_role(admin, roles[name])
        admin.close()


def as_role(role: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(PG_DSN.replace("postgres@", f"{role}@", 1), autocommit=True)


def forward_as(role: str, schema: str, tmp_path: Path, account: str) -> None:
    local = SqliteStore(tmp_path / f"{role}.db")
    local.add_events([f.event(i, account=account) for i in range(20)])
    local.add_alerts([f.alert(account=account)])
    url = with_schema(PG_DSN.replace("postgres@", f"{role}@", 1), schema)
    forwarder = Forwarder(local, CentralConfig(url=url, forward_raw_events=True, interval=0.0))
    forwarder.drain(lambda: datetime.now(UTC))
    assert forwarder.status.failures == 0, forwarder.status.last_error
    forwarder.close()
    local.close()


def test_agents_forward_but_cannot_read_change_or_forge(
    central: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    schema, roles = central
    forward_as(roles["host1"], schema, tmp_path, "ada")
    forward_as(roles["host2"], schema, tmp_path, "bob")

    with as_role(roles["host1"]) as conn:
        for table in ("events", "alerts", "findings", "scan_contexts", "coverage"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM {schema}.{table}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"DELETE FROM {schema}.events")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"UPDATE {schema}.alerts SET severity = 'info'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"TRUNCATE {schema}.rollups")
        # Its own rollups only: the other host's are invisible and untouchable.
        seen = conn.execute(f"SELECT DISTINCT submitted_by, account FROM {schema}.rollups").fetchall()
        assert seen == [(roles["host1"], "ada")]
        changed = conn.execute(f"UPDATE {schema}.rollups SET count = 0 WHERE account = 'bob'")
        assert changed.rowcount == 0
        # A row claiming to come from the other host is refused.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(
                f"INSERT INTO {schema}.coverage (uid, submitted_by, ts, host, source, kind)"
                " VALUES ('x', %s, now(), 'ws-2', 'forged', 'forged')",
                (roles["host2"],),
            )

    with psycopg.connect(PG_DSN) as conn:
        rows = conn.execute(
            f"SELECT submitted_by, count(*) FROM {schema}.events GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert rows == [(roles["host1"], 20), (roles["host2"], 20)]


def test_readers_read_everything_and_write_nothing(
    central: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    schema, roles = central
    forward_as(roles["host1"], schema, tmp_path, "ada")
    forward_as(roles["host2"], schema, tmp_path, "bob")
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "t_analyst_{roles["reader"]}" LOGIN IN ROLE "{roles["reader"]}"')
    analyst = f"t_analyst_{roles['reader']}"
    try:
        with as_role(analyst) as conn:
            assert conn.execute(f"SELECT count(*) FROM {schema}.alerts").fetchone() == (2,)
            assert conn.execute(f"SELECT count(DISTINCT account) FROM {schema}.rollups").fetchone() == (2,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"DELETE FROM {schema}.alerts")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    f"INSERT INTO {schema}.coverage (uid, ts, host, source, kind)"
                    " VALUES ('x', now(), 'h', 's', 'k')"
                )
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DROP ROLE "{analyst}"')
