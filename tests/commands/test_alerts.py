from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sentinel.main import main
from sentinel.model import Alert, Event, Role, Severity
from sentinel.store import open_store


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    url = f"sqlite://{tmp_path / 'state' / 'sentinel.db'}"
    now = datetime.now(UTC)
    store = open_store(url)
    store.add_events(
        [
            Event(
                ts=now - timedelta(minutes=5),
                host="ws1",
                account="alice",
                kind="file",
                action="read",
                path="/src/a.py",
                bytes=10,
                attributed_by="audit-auid",
            ),
            Event(
                ts=now - timedelta(minutes=4),
                host="ws1",
                account="bob",
                kind="coverage",
                action="agent-stop",
                attributed_by="agent",
                detail="signal SIGTERM from pid 7 uid 0",
            ),
        ]
    )
    store.add_alerts(
        [
            Alert(
                detector="bulk-read",
                severity=Severity.HIGH,
                account="alice",
                role=Role.CONTRACTOR,
                host="ws1",
                window_start=now - timedelta(minutes=6),
                window_end=now - timedelta(minutes=5),
                message="alice read 900 distinct files",
                attack="T1005",
                evidence=("distinct files: 900",),
                base_severity=Severity.MEDIUM,
                escalation="role contractor weighs +1",
            ),
            Alert(
                detector="coverage",
                severity=Severity.MEDIUM,
                account="bob",
                role=Role.EMPLOYEE,
                host="ws1",
                window_start=now - timedelta(days=10),
                window_end=now - timedelta(days=10),
                message="old",
                attack="T1562.001",
            ),
        ]
    )
    store.close()
    return url


def test_alerts_json_since_and_account(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alerts", "--store", store_url, "--format", "json", "--since", "7d"]) == 0
    alerts = json.loads(capsys.readouterr().out)["alerts"]
    assert [(a["detector"], a["account"], a["severity"], a["attack"]) for a in alerts] == [
        ("bulk-read", "alice", "high", "T1005")
    ]
    assert alerts[0]["evidence"] == ["distinct files: 900"]
    assert (
        main(["alerts", "--store", store_url, "--format", "json", "--since", "30d", "--account", "bob"]) == 0
    )
    assert [a["message"] for a in json.loads(capsys.readouterr().out)["alerts"]] == ["old"]


def test_alerts_text_is_readable(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alerts", "--store", store_url]) == 0
    out = capsys.readouterr().out
    assert "HIGH" in out and "bulk-read" in out and "alice (contractor)" in out
    assert "- distinct files: 900" in out
    assert "role contractor weighs +1 (base medium)" in out
    assert out.rstrip().endswith("1 alert(s)")


def test_events_filters(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--store", store_url, "--format", "json", "--kind", "coverage"]) == 0
    (event,) = json.loads(capsys.readouterr().out)["events"]
    assert event["action"] == "agent-stop" and event["detail"].startswith("signal SIGTERM")
    assert main(["events", "--store", store_url, "--account", "alice"]) == 0
    out = capsys.readouterr().out
    assert "/src/a.py" in out and "(audit-auid)" in out and "1 event(s)" in out


def test_default_store_is_the_agents_state_dir(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "sentinel.yaml"
    config.write_text("agent:\n  state_dir: state\n")
    assert main(["alerts", "--config", str(config), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["alerts"]) == 1


def test_bad_since_is_a_usage_error(store_url: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["alerts", "--store", store_url, "--since", "soon"])
    assert exit_info.value.code == 2


def test_a_missing_store_is_a_clear_error_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers import run_cli

    missing = tmp_path / "never" / "sentinel.db"
    code, out, err = run_cli(["alerts", "--store", f"sqlite://{missing}"], capsys)
    assert (code, out) == (2, "") and "no store at" in err and not missing.exists()
