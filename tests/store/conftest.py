"""Store fixtures: every store test runs on SQLite and on the real PostgreSQL.

PostgreSQL tests use SENTINEL_TEST_PG_DSN (default: the local server, database
`test`), each in a schema of its own that is dropped afterwards, and are
skipped with the reason when that server cannot be reached.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from bench.pgserver import TempPostgres
from sentinel.store.sqlite import SqliteStore

PG_DSN = os.environ.get("SENTINEL_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_unreachable() -> str:
    try:
        with psycopg.connect(PG_DSN, connect_timeout=3):
            return ""
    except psycopg.Error as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


_PG_REASON = _pg_unreachable()


def pg_required() -> None:
    if _PG_REASON:
        pytest.skip(f"PostgreSQL at {PG_DSN} unreachable: {_PG_REASON}")


def drop_schema(dsn: str, schema: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A fresh schema name on the shared server, dropped after the test."""
    pg_required()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield schema
    drop_schema(PG_DSN, schema)


def with_schema(dsn: str, schema: str) -> str:
    return f"{dsn}{'&' if '?' in dsn else '?'}schema={schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'store.db'}"
        return
    pg_required()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield with_schema(PG_DSN, schema)
    drop_schema(PG_DSN, schema)


@pytest.fixture
def local(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "local.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def temp_postgres() -> Iterator[TempPostgres]:
    """A PostgreSQL server of our own, which tests may stop and start at will."""
    try:
        server = TempPostgres()
    except (RuntimeError, OSError) as exc:
        pytest.skip(f"cannot run a throwaway PostgreSQL server: {exc}")
    try:
        server.start()
        yield server
    finally:
        server.cleanup()
