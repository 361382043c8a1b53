from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from sentinel import identities
from sentinel.commands.identities import check
from sentinel.errors import ConfigError
from sentinel.model import Role
from sentinel.resources import config_dir
from tests.helpers import run_cli

EXAMPLE = config_dir() / "identities.example.yaml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "identities.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_documents_an_employee_a_contractor_and_an_integrator() -> None:
    directory = identities.load(EXAMPLE)
    alice, bob, carol = directory.accounts
    assert alice.role is Role.EMPLOYEE and alice.require_signed and alice.hours == (time(9), time(18))
    assert bob.role is Role.CONTRACTOR and bob.end == date(2026, 7, 31) and bob.timezone == "America/New_York"
    assert carol.integrator and not alice.integrator
    assert directory.by_email("ALICE.BERGER@corp.example") is alice
    assert directory.by_username("bob") is bob and directory.by_uid(1003) is carol
    assert directory.by_host("build-01") is carol and directory.by_id("bob") is bob
    assert directory.by_email("who@else.example").role is Role.UNKNOWN
    assert identities.warnings(directory) == ()
    text = EXAMPLE.read_text(encoding="utf-8")
    for key in sorted(identities.ACCOUNT_KEYS):
        assert f"#   {key} " in text or "#   start, end " in text, f"{key} is not documented"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("accounts:\n  - id: a\n    role: boss\n", ":3: accounts.0.role: must be 'employee' or 'contractor'"),
        (
            "accounts:\n  - id: a\n    timezone: Mars/Olympus\n",
            ":3: accounts.0.timezone: unknown IANA timezone",
        ),
        ("accounts:\n  - id: a\n    hours: 9 to 5\n", ":3: accounts.0.hours: expected hours like"),
        ("accounts:\n  - id: a\n    emial: [a@x]\n", ":3: accounts.0.emial: unknown key"),
        (
            "accounts:\n  - id: a\n    emails: [a@x, nobody]\n",
            ":3: accounts.0.emails.1: not an email address",
        ),
        (
            "accounts:\n  - id: a\n    start: 2026-05-01\n    end: 2026-04-01\n",
            ":4: accounts.0.end: end 2026-04-01",
        ),
        ("accounts:\n  - id: a\n  - id: a\n", ":3: accounts.1.id: duplicate account id"),
        ("accounts:\n  - id: a\n    end: soon\n", ":3: accounts.0.end: not a date"),
        ("accounts:\n  - id: a\n    require_signed: maybe\n", ":3: accounts.0.require_signed: must be true"),
        ("accounts:\n  - id: a\n    uids: [x]\n", ":3: accounts.0.uids: must be a list of numbers"),
        ("people: []\n", ":1: people: unknown top-level key"),
        ("- id: a\n", "identities.yaml: (top level): expected a top-level 'accounts:' list"),
        ("accounts: [\n", "invalid YAML"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, where: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        identities.load(path)
    assert str(error.value).startswith(str(path))
    assert where in str(error.value)


def test_warnings_for_what_loads_but_weakens_checks(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "accounts:\n"
        "  - {id: a, emails: [same@x.example], hosts: [h1]}\n"
        "  - {id: b, role: contractor, emails: [same@x.example], hosts: [h1]}\n"
        "  - {id: c}\n",
    )
    problems = identities.warnings(identities.load(path))
    assert "email 'same@x.example' is listed by a, b; attribution to it is ambiguous" in problems
    assert any(p.startswith("host 'h1'") for p in problems)
    assert "c lists no emails: its commits will count as unknown" in problems
    assert "contractor b declares no timezone or hours: location checks skip it" in problems


def test_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(path=EXAMPLE) == 0
    assert "3 accounts (2 employees, 1 contractors, 1 integrators): ok" in capsys.readouterr().out
    shared = write(tmp_path, "accounts:\n  - {id: a, emails: [s@x]}\n  - {id: b, emails: [s@x]}\n")
    code, out, err = run_cli(["identities", "check", str(shared)], capsys)
    assert code == 0 and "2 accounts" in out
    assert "email 's@x' is listed by a, b; attribution to it is ambiguous" in err
    with pytest.raises(ConfigError, match=r"identities\.yaml:2: accounts\.0\.role"):
        check(path=write(tmp_path, "accounts:\n  - {id: a, role: x}\n"))
