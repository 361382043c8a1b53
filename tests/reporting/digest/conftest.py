"""The realistic week (tests/reporting/digest/week.py) loaded once per engine per test session:
SQLite in a temporary file and the real PostgreSQL in a schema of its own."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sentinel.config import Config
from sentinel.config import load as load_config
from sentinel.identities import Directory
from sentinel.identities import load as load_identities
from sentinel.reporting.digest import Digest, make_digest
from sentinel.reporting.digest import period as periods
from sentinel.store import open_store
from tests.reporting.digest import week
from tests.store.conftest import PG_DSN, drop_schema, pg_required, with_schema


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("digest-config")
    identities, config = base / "identities.yaml", base / "sentinel.yaml"
    identities.write_text(week.IDENTITIES)
    config.write_text(week.CONFIG)
    return identities, config


@pytest.fixture(scope="session")
def directory(files: tuple[Path, Path]) -> Directory:
    return load_identities(files[0])


@pytest.fixture(scope="session")
def config(files: tuple[Path, Path]) -> Config:
    return load_config(files[1])


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def week_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store URL holding the realistic week."""
    if request.param == "sqlite":
        url = f"sqlite://{tmp_path_factory.mktemp('digest-store') / 'store.db'}"
        schema = ""
    else:
        pg_required()
        schema = f"t_{uuid.uuid4().hex[:12]}"
        url = with_schema(PG_DSN, schema)
    store = open_store(url)
    try:
        week.load(store)
    finally:
        store.close()
    yield url
    if schema:
        drop_schema(PG_DSN, schema)


@pytest.fixture(scope="session")
def digest(week_url: str, directory: Directory, config: Config) -> Digest:
    store = open_store(week_url, migrate=False)
    try:
        period = periods.iso_week(week.WEEK, periods.zone("UTC"))
        return make_digest(store, directory=directory, settings=config.digest, period=period, now=week.NOW)
    finally:
        store.close()


@pytest.fixture(scope="session")
def sqlite_digest(tmp_path_factory: pytest.TempPathFactory, directory: Directory, config: Config) -> Digest:
    """The week's digest from SQLite only: for checks of rendering, which no engine changes."""
    store = open_store(f"sqlite://{tmp_path_factory.mktemp('digest-sqlite') / 'store.db'}")
    try:
        week.load(store)
        period = periods.iso_week(week.WEEK, periods.zone("UTC"))
        return make_digest(store, directory=directory, settings=config.digest, period=period, now=week.NOW)
    finally:
        store.close()
