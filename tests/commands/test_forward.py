"""`sentinel forward --once` from a config file, against the real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from sentinel.commands import forward
from sentinel.errors import StoreError
from sentinel.store import open_store
from tests.store import factories as f
from tests.store.conftest import PG_DSN, pg_schema, with_schema

__all__ = ["pg_schema"]  # the fixture, shared with tests/store


def write_config(tmp_path: Path, local: str, central: str) -> Path:
    path = tmp_path / "sentinel.yaml"
    path.write_text(f"store: {local}\ncentral:\n  url: {central}\n  migrate: true\n", encoding="utf-8")
    return path


def test_forward_once_drains_the_local_store(tmp_path: Path, pg_schema: str) -> None:
    local = f"sqlite://{tmp_path / 'local.db'}"
    store = open_store(local)
    store.add_alerts([f.alert(), f.alert(account="bob")])
    store.close()
    config = write_config(tmp_path, local, with_schema(PG_DSN, pg_schema))
    assert forward.run(config_path=config, once=True, store=None) == 0
    assert forward.run(config_path=config, once=True, store=None) == 0  # nothing new, nothing doubled
    with psycopg.connect(PG_DSN) as conn:
        assert conn.execute(f"SELECT count(*) FROM {pg_schema}.alerts").fetchone() == (2,)


def test_forward_once_reports_an_unreachable_central(tmp_path: Path) -> None:
    local = f"sqlite://{tmp_path / 'local.db'}"
    config = write_config(tmp_path, local, "postgresql://agent:pw-in-url@127.0.0.1:1/central")
    with pytest.raises(StoreError) as info:
        forward.run(config_path=config, once=True, store=None)
    assert "pw-in-url" not in str(info.value)
    assert "\n" not in str(info.value)
