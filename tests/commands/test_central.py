"""`sentinel central init|add-agent` against the real PostgreSQL, then an agent forwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from sentinel.config import CentralConfig
from sentinel.main import main
from sentinel.store import access, urls
from sentinel.store.forward import Forwarder
from sentinel.store.postgres import PostgresStore
from sentinel.store.sqlite import SqliteStore
from tests.store import factories as f
from tests.store.conftest import PG_DSN, pg_schema, with_schema

__all__ = ["pg_schema"]  # the fixture, shared with tests/store


@pytest.fixture
def roles(pg_schema: str) -> Iterator[dict[str, str]]:
    tag = uuid.uuid4().hex[:8]
    names = {"agent": f"t_agent_{tag}", "reader": f"t_reader_{tag}", "login": f"t_ws_{tag}"}
    yield names
    admin = PostgresStore(urls.parse(with_schema(PG_DSN, pg_schema)))
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{pg_schema}" CASCADE')
    for name in ("login", "agent", "reader"):
        access.drop_role(admin, names[name])
    admin.close()


def test_init_then_add_agent_then_forward(pg_schema: str, roles: dict[str, str], tmp_path: Path) -> None:
    url = with_schema(PG_DSN, pg_schema)
    common = ["--url", url, "--agent-role", roles["agent"]]
    assert main(["central", "init", *common, "--reader-role", roles["reader"]]) == 0
    assert main(["central", "init", *common, "--reader-role", roles["reader"]]) == 0  # idempotent
    secret = tmp_path / "agent.pass"
    secret.write_text("agent-secret\n")
    os.chmod(secret, 0o600)
    assert main(["central", "add-agent", roles["login"], *common, "--agent-password-file", str(secret)]) == 0

    local = SqliteStore(tmp_path / "local.db")
    local.add_alerts([f.alert()])
    agent_url = with_schema(PG_DSN.replace("postgres@", f"{roles['login']}@", 1), pg_schema)
    forwarder = Forwarder(local, CentralConfig(url=agent_url, credentials=secret, interval=0.0))
    forwarder.drain(lambda: datetime.now(UTC))
    assert forwarder.status.failures == 0, forwarder.status.last_error
    forwarder.close()
    local.close()
    with psycopg.connect(PG_DSN) as conn:
        row = conn.execute(f"SELECT submitted_by, detector FROM {pg_schema}.alerts").fetchone()
    assert row == (roles["login"], "bulk-read")


def test_add_agent_refuses_a_readable_password_file(pg_schema: str, tmp_path: Path) -> None:
    secret = tmp_path / "agent.pass"
    secret.write_text("agent-secret\n")
    os.chmod(secret, 0o644)
    url = with_schema(PG_DSN, pg_schema)
    with pytest.raises(SystemExit) as info:
        main(["central", "add-agent", "t_never", "--url", url, "--agent-password-file", str(secret)])
    assert info.value.code == 2
