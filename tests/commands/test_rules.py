"""`sentinel rules list` and `sentinel rules test` on small real rule folders (real Semgrep, real pytest)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sentinel.main import main

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules"
FIXTURES = ROOT / "tests" / "rules" / "semgrep"
PICK = ("npm-install-script-inline-code", "generic-go-checksum-disabled")


def _rules(tmp_path: Path) -> tuple[Path, Path]:
    """A rules root with two real rules, the real checks.yaml, and their real fixtures."""
    root, fixtures = tmp_path / "rules", tmp_path / "fixtures"
    (root / "semgrep").mkdir(parents=True)
    fixtures.mkdir()
    shutil.copy(PACK / "checks.yaml", root / "checks.yaml")
    for rule_id in PICK:
        shutil.copy(PACK / "semgrep" / f"{rule_id}.yml", root / "semgrep")
        for fixture in FIXTURES.glob(f"{rule_id}.*"):
            shutil.copy(fixture, fixtures)
    return root, fixtures


def test_list_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = _rules(tmp_path)
    assert main(["rules", "list", "--rules", str(root)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("generic-go-checksum-disabled"))
    assert line.split() == [
        "generic-go-checksum-disabled",
        "high",
        "dependency-hijack",
        "generic",
        "stable",
        "T1195.001,T1562.001",
    ]
    assert "T1195.001" in line
    assert "encoded-blob" in out and "python-check" in out
    assert out.rstrip().endswith("2 Semgrep rules, 9 checks")


def test_list_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = _rules(tmp_path)
    assert main(["rules", "list", "--rules", str(root), "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["npm-install-script-inline-code"]["languages"] == ["json"]
    assert rows["npm-install-script-inline-code"]["severity"] == "high"
    assert rows["dependency-typosquat"]["kind"] == "check"
    assert rows["dependency-typosquat"]["mitre"] == ["T1195.001"]


def test_test_passes_then_fails_on_a_broken_fixture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, fixtures = _rules(tmp_path)
    tables = tmp_path / "tables"
    tables.mkdir()
    shutil.copy(ROOT / "tests" / "repo" / "checks" / "test_bidi.py", tables)
    argv = ["rules", "test", "--rules", str(root), "--fixtures", str(fixtures), "--check-tables", str(tables)]
    # The copied table imports tests.repo.checks.helpers: run from the checkout.
    assert main(argv) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "metadata: ok" in out and "semgrep --test: ok" in out and "python checks: ok" in out

    fixture = fixtures / "generic-go-checksum-disabled.Dockerfile"
    fixture.write_text(fixture.read_text().replace("ENV GOFLAGS=-mod=vendor", "ENV GOSUMDB=off"))
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "semgrep --test: FAILED" in out
    assert "generic-go-checksum-disabled" in out


def test_test_reports_metadata_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, fixtures = _rules(tmp_path)
    (fixtures / "npm-install-script-inline-code.json").unlink()
    argv = [
        "rules",
        "test",
        "--rules",
        str(root),
        "--fixtures",
        str(fixtures),
        "--check-tables",
        str(tmp_path),
    ]
    assert main(argv) == 1
    assert "no fixture" in capsys.readouterr().out


def test_missing_rules_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["rules", "list", "--rules", str(tmp_path / "nope")])
    assert exc.value.code == 2
