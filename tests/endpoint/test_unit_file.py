from __future__ import annotations

import shutil
import subprocess

import pytest

from sentinel import resources

UNIT = resources.config_dir() / "sentinel.service"


def test_unit_is_a_hardened_notify_service() -> None:
    text = UNIT.read_text()
    directives = dict(
        line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#")
    )
    assert directives["Type"] == "notify"
    assert float(directives["WatchdogSec"]) > 0
    assert directives["NoNewPrivileges"] == "yes"
    assert directives["ProtectSystem"] == "strict"
    assert directives["ProtectHome"] == "read-only"
    assert directives["StateDirectory"] == "sentinel"
    assert directives["RuntimeDirectory"] == "sentinel"
    assert directives["RestartPreventExitStatus"] == "2"  # a config error is not a crash loop
    assert "sentinel agent --config" in directives["ExecStart"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_unit() -> None:
    done = subprocess.run(["systemd-analyze", "verify", str(UNIT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Unknown" not in done.stderr and "ignoring" not in done.stderr.lower(), done.stderr
