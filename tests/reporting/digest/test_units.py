"""The digest's systemd units: valid for systemd, and the timer fires on Monday mornings."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[3] / "config"
ANALYZE = shutil.which("systemd-analyze")


def _unit(name: str) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((CONFIG / name).read_text().replace("\\\n", " "))
    return parser


def test_service_runs_the_digest_by_email() -> None:
    service = _unit("sentinel-digest.service")
    command = service["Service"]["ExecStart"]
    assert "sentinel digest" in command and "--email ${DIGEST_TO}" in command and "--smtp" in command
    assert service["Service"]["Type"] == "oneshot"
    assert "SENTINEL_SMTP_PASSWORD" not in command  # the password comes from the environment file


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze not installed")
def test_units_verify_and_the_timer_is_monday_morning(tmp_path: Path) -> None:
    assert ANALYZE is not None
    done = subprocess.run(
        [ANALYZE, "verify", str(CONFIG / "sentinel-digest.service"), str(CONFIG / "sentinel-digest.timer")],
        capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Unknown" not in done.stderr
    calendar = _unit("sentinel-digest.timer")["Timer"]["OnCalendar"]
    shown = subprocess.run(
        [ANALYZE, "calendar", "--iterations=3", calendar],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert shown.count("Mon ") >= 3 and "07:00:00" in shown
