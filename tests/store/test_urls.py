from __future__ import annotations

import os
from pathlib import Path

import pytest

from sentinel.errors import StoreError
from sentinel.store import urls


def test_sqlite_urls_and_bare_paths() -> None:
    assert urls.parse("sqlite:///var/lib/sentinel/s.db").path == Path("/var/lib/sentinel/s.db")
    assert urls.parse("/tmp/x.db").engine == "sqlite"
    with pytest.raises(StoreError, match="needs a path"):
        urls.parse("sqlite://")


def test_postgresql_schema_parameter_is_ours() -> None:
    parsed = urls.parse("postgresql://agent@db:5432/central?schema=fleet&sslmode=require")
    assert parsed.schema == "fleet"
    assert parsed.dsn == "postgresql://agent@db:5432/central?sslmode=require"
    assert urls.parse("postgresql://db/central").schema == "sentinel"
    with pytest.raises(StoreError, match="bad schema name"):
        urls.parse("postgresql://db/central?schema=x;drop")


def test_redaction() -> None:
    assert urls.redact("postgresql://u:pa:ss@h/db") == "postgresql://u:***@h/db"
    assert urls.redact("host=h password=secret user=u") == "host=h password=*** user=u"
    assert urls.redact("failed for topsecret", "topsecret") == "failed for ***"
    assert urls.parse("postgresql://u:pw@h/db").display == "postgresql://u:***@h/db"


def test_credentials_file_must_be_private(tmp_path: Path) -> None:
    secret = tmp_path / "central.pass"
    secret.write_text("correct horse\nignored\n")
    os.chmod(secret, 0o640)
    with pytest.raises(StoreError, match=r"accessible to group or others \(mode 0640\); run: chmod 600"):
        urls.read_credentials(secret)
    os.chmod(secret, 0o600)
    assert urls.read_credentials(secret) == "correct horse"


def test_credentials_file_missing_or_empty(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="No such file"):
        urls.read_credentials(tmp_path / "absent")
    empty = tmp_path / "empty"
    empty.write_text("\n")
    os.chmod(empty, 0o600)
    with pytest.raises(StoreError, match="is empty"):
        urls.read_credentials(empty)
