"""The catalogue guard: every rule and check is documented, named after its file and tested.

Fails when a rule in rules/semgrep lacks required metadata, has an id different from its file stem,
has no fixture, or a fixture lacks a `ruleid:` or an `ok:` case; and when a rules/checks.yaml entry
is invalid or its check has no table test in tests/repo/checks/.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from sentinel import resources
from sentinel.repo import catalogue
from sentinel.repo.checks import CHECKS, load_settings

ROOT = Path(__file__).resolve().parents[2]
RULES = resources.rules_dir() / "semgrep"
FIXTURES = ROOT / "tests" / "rules" / "semgrep"
CHECK_TESTS = ROOT / "tests" / "repo" / "checks"
RULE_FILES = sorted(RULES.glob("*.y*ml"))


def test_the_pack_is_not_empty() -> None:
    assert len(RULE_FILES) >= 20


@cache
def _problems() -> tuple[str, ...]:
    return tuple(catalogue.problems(RULES, FIXTURES))


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_rule_metadata_and_fixture(path: Path) -> None:
    assert [p for p in _problems() if p.startswith(f"{path}:")] == []


def test_every_fixture_belongs_to_a_rule() -> None:
    ids = {p.stem for p in RULE_FILES}
    strays = sorted(p.name for p in FIXTURES.iterdir() if p.is_file() and p.stem not in ids)
    assert strays == []


def test_checks_settings_are_valid_and_complete() -> None:
    settings = load_settings(resources.rules_dir() / "checks.yaml")
    assert set(settings.checks) == set(CHECKS)


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_every_check_has_a_table_test(check_id: str) -> None:
    tests = "\n".join(p.read_text(encoding="utf-8") for p in CHECK_TESTS.glob("test_*.py"))
    assert f'"{check_id}"' in tests, f"no table test in {CHECK_TESTS} mentions {check_id!r}"


def test_the_guard_catches_broken_rules(tmp_path: Path) -> None:
    rules, fixtures = tmp_path / "semgrep", tmp_path / "fixtures"
    rules.mkdir()
    fixtures.mkdir()
    (rules / "py-misnamed.yml").write_text(
        "rules:\n  - id: py-other\n    severity: HIGH\n    languages: [python]\n    message: m\n"
        "    pattern: eval(...)\n    metadata: {category: rce, cwe: [CWE-95], mitre: [T1059]}\n",
        encoding="utf-8",
    )
    (rules / "py-one-sided.yml").write_text(
        (RULES / "py-setup-command-exec.yml")
        .read_text(encoding="utf-8")
        .replace("id: py-setup-command-exec", "id: py-one-sided"),
        encoding="utf-8",
    )
    (fixtures / "py-one-sided.py").write_text("# ruleid: py-one-sided\nos.system(x)\n", encoding="utf-8")
    found = catalogue.problems(rules, fixtures)
    assert any("py-other" in p and "differs from the file name" in p for p in found)
    assert any("metadata.confidence is missing" in p for p in found)
    assert any("metadata.false_positives is missing" in p for p in found)
    assert any("no fixture" in p and "py-other" in p for p in found)
    assert any("has no `ok: py-one-sided` case" in p for p in found)
