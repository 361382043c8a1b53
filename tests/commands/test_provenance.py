from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sentinel.commands import provenance
from tests.helpers import run_cli
from tests.repo.provenance.conftest import ALICE, BOB, MALLORY, History, plan

IDENTITIES = """\
accounts:
  - {id: alice, name: Alice Berger, role: employee, emails: [alice@corp.example],
     timezone: Europe/Berlin, hours: "09:00-18:00"}
  - {id: bob, name: Bob Okafor, role: contractor, emails: [bob@contractor.example],
     timezone: America/New_York, hours: "09:00-18:00"}
"""


@pytest.fixture
def team(tmp_path: Path) -> tuple[History, Path]:
    history = History(tmp_path / "repo")
    now = datetime.now(UTC).replace(microsecond=0)
    # Local working time in each zone, whatever the hour the suite runs at.
    start = (now - timedelta(days=20)).replace(hour=10, minute=0, second=0, tzinfo=None)
    history.replay(plan(ALICE, start, 10, zone="Europe/Berlin") + plan(BOB, start, 6, zone="Asia/Shanghai"))
    history.commit(MALLORY, now - timedelta(days=1))
    history.commit(ALICE, now - timedelta(days=200))  # before --since
    identities = tmp_path / "identities.yaml"
    identities.write_text(IDENTITIES, encoding="utf-8")
    return history, identities


def test_json_profile_per_account(team: tuple[History, Path], capsys: pytest.CaptureFixture[str]) -> None:
    history, identities = team
    code, out, _ = run_cli(
        ["provenance", "--repo", str(history.path), "--since", "90d", "--format", "json",
         "--identities", str(identities)],
        capsys,
    )  # fmt: skip
    assert code == 0
    document = json.loads(out)
    accounts = {a["account"]: a for a in document["accounts"]}
    assert set(accounts) == {"alice", "bob", "unknown"}
    bob = accounts["bob"]
    assert bob["role"] == "contractor" and bob["timezone"] == "America/New_York" and bob["commits"] == 6
    assert bob["offsets"] == {"+08:00": 6}
    assert set(bob["declared_offsets"]) <= {"-05:00", "-04:00"} and bob["declared_offsets"]
    assert bob["identities"] == {f"{BOB.name} <{BOB.email}>": 6}
    assert bob["off_hours_share"] is not None
    rules = {f["rule"] for f in bob["findings"]}
    assert "provenance.timezone-mismatch" in rules
    assert all(f["account"] == "bob" for f in bob["findings"])
    assert accounts["alice"]["commits"] == 10 and accounts["alice"]["findings"] == []
    assert accounts["alice"]["off_hours_share"] == 0.0
    assert [f["rule"] for f in accounts["unknown"]["findings"]] == ["provenance.unknown-identity"]
    assert document["summary"]["findings"] == sum(len(a["findings"]) for a in document["accounts"])


def test_text_profile_for_one_account(team: tuple[History, Path], capsys: pytest.CaptureFixture[str]) -> None:
    history, identities = team
    code, out, _ = run_cli(
        ["provenance", "--repo", str(history.path), "--account", "bob", "--identities", str(identities)],
        capsys,
    )
    assert code == 0
    assert out.startswith("bob  Bob Okafor  contractor  America/New_York")
    assert "offsets:     +08:00 x6" in out and "provenance.timezone-mismatch" in out
    assert "alice" not in out.split("\n")[0] and "Alice" not in out


def test_errors_exit_2(
    team: tuple[History, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    history, identities = team
    base = ["provenance", "--repo", str(history.path), "--identities", str(identities)]
    assert run_cli([*base, "--account", "nobody"], capsys)[0] == 2
    code, _, err = run_cli([*base, "--since", "soon"], capsys)
    assert code == 2 and "not a duration" in err
    assert run_cli(["provenance", "--repo", str(tmp_path / "nowhere")], capsys)[0] == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("accounts:\n  - {id: a, timezone: Nowhere/City}\n", encoding="utf-8")
    code, _, err = run_cli(["provenance", "--repo", str(history.path), "--identities", str(broken)], capsys)
    assert code == 2 and "broken.yaml:2: accounts.0.timezone" in err


def test_empty_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = History(tmp_path / "empty")
    assert (
        provenance.run(
            repo=empty.path, since="30d", account=None, fmt="text", config_path=None, identities_path=None
        )
        == 0
    )
    assert "no commits in the last 30d" in capsys.readouterr().out


def test_identities_check_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(IDENTITIES, encoding="utf-8")
    code, out, _ = run_cli(["identities", "check", str(good)], capsys)
    assert code == 0 and "2 accounts (1 employees, 1 contractors, 0 integrators): ok" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("accounts:\n  - id: a\n    hours: all day\n", encoding="utf-8")
    code, _, err = run_cli(["identities", "check", str(bad)], capsys)
    assert code == 2 and f"{bad}:3: accounts.0.hours" in err
    assert run_cli(["identities", "check", str(tmp_path / "missing.yaml")], capsys)[0] == 2
