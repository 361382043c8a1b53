"""`sentinel export --format ecs`: NDJSON that ECS shippers ingest."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sentinel.commands import export
from sentinel.errors import SentinelError
from sentinel.store import Coverage, open_store
from tests.store import factories as f


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    url = f"sqlite://{tmp_path / 'store.db'}"
    store = open_store(url)
    recent = datetime.now(UTC) - timedelta(hours=1)
    store.add_events(
        [
            f.event(0, ts=recent),
            f.event(1, ts=recent, kind="network", action="connect", path="", remote="203.0.113.9:443"),
            f.event(2, ts=recent - timedelta(days=30)),  # outside --since 7d
        ]
    )
    store.add_alerts([f.alert(end=recent)])
    store.add_findings([f.finding()], context=f.context(ts=recent))
    store.add_coverage([Coverage(ts=recent, host="ws-17", source="forwarder", kind="spool-drop", count=5)])
    store.close()
    return url


def run(store_url: str, output: Path | None = None, include: str = ",".join(export.RECORDS)) -> int:
    return export.run(
        since="7d", fmt="ecs", include=include, config_path=None, store=store_url, output_path=output
    )


def test_ecs_documents_for_every_record_type(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / "sentinel.ndjson"
    assert run(store_url, out) == 0
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["event"]["dataset"] for d in docs] == [
        "sentinel.events", "sentinel.events", "sentinel.alerts", "sentinel.findings", "sentinel.coverage",
    ]  # fmt: skip
    read, connect, alert, finding, coverage = docs
    assert read["event"] == {
        "kind": "event", "module": "sentinel", "dataset": "sentinel.events",
        "category": ["file"], "type": ["access"], "action": "read",
    }  # fmt: skip
    assert read["user"]["name"] == "ada"
    assert read["host"]["name"] == "ws-17"
    assert read["file"]["path"] == "/srv/customers/export-0.csv"
    assert read["process"]["args"] == ["cp", "-r", "/srv/customers", "/media/usb"]
    assert read["@timestamp"].endswith("Z")
    assert connect["event"]["category"] == ["network"]
    assert connect["destination"]["address"] == "203.0.113.9:443"
    assert "file" not in connect  # empty fields are left out, not sent as ""
    assert alert["event"]["kind"] == "alert"
    assert alert["rule"]["id"] == "bulk-read"
    assert alert["event"]["severity"] == 99
    assert alert["threat"]["technique"]["id"] == ["T1005"]
    assert alert["user"]["roles"] == ["contractor"]
    assert alert["sentinel"]["extra"] == {"distinct": "412", "baseline": "12.5"}
    assert finding["rule"]["id"] == "py-exec-remote"
    assert finding["threat"]["technique"]["id"] == ["T1059.006"]
    assert finding["vulnerability"]["id"] == ["CWE-94"]
    assert finding["user"]["email"] == "ada@example.com"
    assert finding["sentinel"]["scan"]["repository"] == "git@example.com:acme/app.git"
    assert finding["file"]["path"] == "app/update.py"
    assert coverage["event"]["action"] == "spool-drop"
    assert coverage["sentinel"]["count"] == 5
    assert not list(tmp_path.glob("out/.*.tmp"))


def test_stdout_and_include(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store_url, include="alerts") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["event"]["kind"] == "alert"


def test_since_accepts_dates_and_refuses_nonsense() -> None:
    now = datetime(2026, 3, 9, tzinfo=UTC)
    assert export.parse_since("2d", now) == datetime(2026, 3, 7, tzinfo=UTC)
    assert export.parse_since("2026-03-01", now) == datetime(2026, 3, 1, tzinfo=UTC)
    with pytest.raises(SentinelError, match="not a duration or date"):
        export.parse_since("last tuesday", now)


def test_unknown_format_or_record_type(store_url: str) -> None:
    with pytest.raises(SentinelError, match="unknown export format"):
        export.run(
            since="7d", fmt="cef", include="events", config_path=None, store=store_url, output_path=None
        )
    with pytest.raises(SentinelError, match="unknown record type"):
        run(store_url, include="events,secrets")


def test_cli(store_url: str, tmp_path: Path) -> None:
    from sentinel.main import main

    out = tmp_path / "ecs.ndjson"
    argv = ["export", "--since", "7d", "--format", "ecs", "--store", store_url, "--output", str(out)]
    assert main(argv) == 0
    assert len(out.read_text().splitlines()) == 5
