"""bench/false_alarms.py --merge: a run of only some rules replaces those rules' findings.

A full run of the pack and a later re-scan of the rules changed since are merged into one
report: the re-scan's findings replace the full run's for the rules it ran (on the commits
it scanned), every other rule keeps its findings, and rules no longer in the pack drop out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import false_alarms  # noqa: E402  (bench/ is a folder of scripts, not a package)
from false_alarms import Commit, Hit  # noqa: E402

HISTORY = tuple(Commit(sha=f"{i:040x}", subject=f"npm pkg{i} 1.0.{i}") for i in range(1, 5))
C1, C2, C3, C4 = (c.sha for c in HISTORY)
HISTORY_SHAS = frozenset((C1, C2, C3, C4))


def hit(rule: str, commit: str, severity: str = "high") -> Hit:
    return Hit(rule=rule, severity=severity, path=f"npm/{rule}.js", line=1, snippet="x()", commit=commit)


def saved(folder: Path, name: str, hits: list[Hit], commits: tuple[Commit, ...], rules: set[str]) -> Path:
    path = folder / f"{name}.json"
    false_alarms.save(path, hits, commits, rules=rules, version=name)
    return path


@pytest.fixture
def full(tmp_path: Path) -> Path:
    """The whole pack (old, changed, gone) on every commit."""
    hits = [hit("old", C1), hit("changed", C2), hit("changed", C3), hit("gone", C4)]
    return saved(tmp_path, "full", hits, HISTORY, {"old", "changed", "gone"})


def test_a_subset_run_replaces_the_findings_of_its_rules_only(tmp_path: Path, full: Path) -> None:
    # The re-scan ran the changed rule (now quiet on C2 and C3, firing on C4) and a new one.
    subset = saved(tmp_path, "subset", [hit("changed", C4), hit("new", C1)], HISTORY, {"changed", "new"})
    pack = frozenset({"old", "changed", "new"})

    hits, scanned = false_alarms.load_saved([full, subset], HISTORY, pack=pack)

    assert sorted((h.rule, h.commit) for h in hits) == [("changed", C4), ("new", C1), ("old", C1)]
    assert scanned == HISTORY


def test_a_subset_run_overrides_only_on_the_commits_it_scanned(tmp_path: Path, full: Path) -> None:
    subset = saved(tmp_path, "subset", [], HISTORY[:2], {"changed"})

    hits, _ = false_alarms.load_saved([full, subset], HISTORY, pack=frozenset({"old", "changed"}))

    assert sorted((h.rule, h.commit) for h in hits) == [("changed", C3), ("old", C1)]


def test_the_order_of_the_files_decides_which_run_wins(tmp_path: Path, full: Path) -> None:
    subset = saved(tmp_path, "subset", [], HISTORY, {"changed"})

    hits, _ = false_alarms.load_saved([subset, full], HISTORY, pack=frozenset({"old", "changed"}))

    assert sorted((h.rule, h.commit) for h in hits) == [("changed", C2), ("changed", C3), ("old", C1)]


def test_coverage_says_which_commits_each_rule_of_the_pack_ran_on(tmp_path: Path) -> None:
    first = saved(tmp_path, "first", [], HISTORY[:2], {"old", "gone"})
    later = saved(tmp_path, "later", [], HISTORY[1:3], {"old", "new"})

    cover = false_alarms.rule_coverage([first, later], frozenset({"old", "new", "never"}))

    assert cover == {"old": {C1, C2, C3}, "new": {C2, C3}, "never": frozenset()}


def test_a_run_saved_without_its_rule_ids_counts_for_the_whole_pack(tmp_path: Path) -> None:
    path = saved(tmp_path, "legacy", [], HISTORY, set())

    cover = false_alarms.rule_coverage([path], frozenset({"a", "b"}))

    assert cover == {"a": HISTORY_SHAS, "b": HISTORY_SHAS}


def test_the_report_rates_a_rule_over_the_commits_it_ran_on(capsys: pytest.CaptureFixture[str]) -> None:
    coverage = {"late": frozenset({C1, C2}), "early": HISTORY_SHAS}

    ok = false_alarms.benign_report([hit("late", C1)], HISTORY, top=5, imports=frozenset(), coverage=coverage)

    out = capsys.readouterr().out
    assert "high+  500.00" in out  # 1 finding on 2 commits, not on 4
    assert "1 of 2 rules ran on all 4 commits" in out
    assert "late" in out.split("rule coverage:")[1]
    assert not ok
