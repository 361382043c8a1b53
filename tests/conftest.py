from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import GitRepo, write_rules

# Shared with every suite that records to a store: runs on SQLite and on the real PostgreSQL.
from tests.store.conftest import store_url  # noqa: F401


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "repo")


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return write_rules(tmp_path / "rules")


@pytest.fixture
def config_file(tmp_path: Path, rules: Path) -> Path:
    path = tmp_path / "sentinel.yaml"
    # Unknown authors are weighted up by default; most tests want rule severities as written.
    path.write_text(f"rules: {rules}\nweights: {{unknown: 0}}\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Crash logs and state go to the test's own folder, never the user's home.
    monkeypatch.setenv("SENTINEL_LOG_DIR", str(tmp_path / "state"))
    for name in ("SENTINEL_RULES", "SENTINEL_IDENTITIES", "SENTINEL_STORE", "SENTINEL_FAIL_ON"):
        monkeypatch.delenv(name, raising=False)
