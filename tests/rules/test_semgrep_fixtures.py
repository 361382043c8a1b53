"""Every shipped Semgrep rule parses and passes its fixture (`semgrep --test`).

A rule Semgrep rejects breaks every scan, so the whole pack is run here, not a sample.
"""

from __future__ import annotations

import os
import subprocess

from sentinel import resources
from sentinel.repo.semgrep import semgrep_command

FIXTURES = resources.rules_dir().parent / "tests" / "rules" / "semgrep"


def test_the_shipped_pack_passes_its_fixtures() -> None:
    command = [semgrep_command(), "--test", "--metrics=off", "--disable-version-check"]
    done = subprocess.run(
        [*command, "--config", str(resources.rules_dir() / "semgrep"), str(FIXTURES)],
        capture_output=True,
        text=True,
        env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"},
        check=False,
    )
    assert done.returncode == 0, (done.stdout[-4000:], done.stderr[-4000:])
    assert "unit tests did not pass" not in done.stdout
