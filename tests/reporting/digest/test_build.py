"""The realistic week through the real store (SQLite and PostgreSQL): ranking, explanations,
headline, evidence and chart data."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sentinel.config import Config
from sentinel.identities import Directory
from sentinel.model import Role, Severity
from sentinel.reporting.digest import Digest, make_digest
from sentinel.reporting.digest import period as periods
from sentinel.reporting.digest.model import AccountReport
from sentinel.store import open_store
from tests.reporting.digest import week


def _account(digest: Digest, account_id: str) -> AccountReport:
    return next(r for r in digest.accounts if r.id == account_id)


def _decayed(points: float, ts: object) -> float:
    age = (week.END - ts).total_seconds() / 86400  # type: ignore[operator]
    return points * 0.5 ** (age / 7)


def test_ranking_puts_the_contractor_and_the_stranger_first(digest: Digest) -> None:
    assert [r.id for r in digest.accounts] == [
        "unknown:dev@unknown.example", "mallory", "carol", "ada", "bob",
    ]  # fmt: skip
    assert [r.role for r in digest.accounts[:2]] == [Role.UNKNOWN, Role.CONTRACTOR]
    assert "dave" not in {a for a, *_ in digest.ranking}  # no signals, not ranked


def test_every_point_is_explained(digest: Digest) -> None:
    mallory = _account(digest, "mallory")
    lines = {line.signal: line for line in mallory.score.lines}
    assert set(lines) == {
        "py-exec-remote", "unapproved-push", "mass-copy-out", "provenance.sensitive-path",
        "provenance.timezone-mismatch",
    }  # fmt: skip
    # Stored twice by two pipeline runs, counted once, from its first sighting. Scored at the
    # rule's own severity (high), not the contractor-raised critical: the role counts once,
    # through the weight.
    (exec_remote,) = lines["py-exec-remote"].contributions
    assert exec_remote.severity is Severity.HIGH
    assert exec_remote.points == pytest.approx(_decayed(8.0, week.WEDNESDAY + timedelta(hours=4)))
    assert mallory.score.weight == 1.5
    assert mallory.score.total == pytest.approx(1.5 * sum(line.points for line in lines.values()))
    assert mallory.score.explain().startswith("contractor weight 1.5 × (py-exec-remote 5.0 + ")
    # Each contribution points at evidence shown in the report.
    shown = {e.id for e in mallory.evidence}
    assert {c.evidence for line in mallory.score.lines for c in line.contributions} == shown


def test_a_noisy_rule_is_capped(digest: Digest) -> None:
    ada = _account(digest, "ada")
    (line,) = ada.score.lines
    assert line.signal == "js-eval-dynamic" and len(line.contributions) == 30
    # 30 medium findings of one rule are worth at most 3 mediums (repeat_cap), under the 25 cap.
    assert line.capped and line.points == 9.0 and line.raw > 50
    assert ada.score.total == 9.0
    assert len(ada.evidence) == 20 and ada.more_evidence == 10


def test_a_silent_agent_and_a_stopped_agent_are_coverage_signals(digest: Digest) -> None:
    carol = _account(digest, "carol")
    lines = {line.signal: line for line in carol.score.lines}
    assert set(lines) == {"silent-agent", "coverage"}
    (silent,) = lines["silent-agent"].contributions
    assert silent.base == 8.0 and silent.ts == week.CAROL_STOPPED + timedelta(hours=24)
    evidence = next(e for e in carol.evidence if e.signal == "silent-agent")
    assert evidence.where == "ws-carol" and "2026-11-19 12:00 UTC" in evidence.details[0]


def test_last_weeks_signals_decay_into_this_week(digest: Digest) -> None:
    bob = _account(digest, "bob")
    lines = {line.signal: line for line in bob.score.lines}
    assert len(lines["bulk-read"].contributions) == 2  # this week's and last week's
    assert bob.previous > 0 and bob.change == pytest.approx(bob.score.total - bob.previous)


def test_headline_counts_and_changes(digest: Digest) -> None:
    values = {h.key: (h.value, h.previous) for h in digest.headline}
    assert values == {
        "attention": (3, 0),  # the stranger, mallory, carol; ada's capped noise and bob below 10
        "code_findings": (2, 1),  # mallory's exec and the reverse shell; bob's last week
        "exfiltration": (2, 0),  # USB copy and unapproved push
        "identity": (2, 0),  # timezone mismatch and unknown identity
        "coverage": (2, 0),  # carol stopped, then silent
    }


def test_evidence_links_commits_and_gives_both_times(digest: Digest) -> None:
    mallory = _account(digest, "mallory")
    mismatch = next(e for e in mallory.evidence if e.signal == "provenance.timezone-mismatch")
    sha = week._sha(1)
    assert mismatch.commit is not None
    assert mismatch.commit.url == f"https://git.example.com/payments/api/commit/{sha}"
    # Authored 11:40 at UTC+09:00 = 02:40 UTC = 03:40 in Warsaw.
    assert mismatch.commit_time_utc == "2026-11-18 02:40 UTC"
    assert mismatch.commit_time_local.startswith("2026-11-18 03:40 CET (UTC+01:00)")
    assert "the commit says UTC+09:00" in mismatch.commit_time_local
    push = next(e for e in mallory.evidence if e.signal == "unapproved-push")
    assert "remote: https://gitlab.evil.example/m/api.git" in push.details
    assert push.when_utc == "2026-11-19 22:00 UTC" and push.when_local.startswith("2026-11-19 23:00 CET")


def test_activity_against_baseline_and_commit_offsets(digest: Digest) -> None:
    mallory = _account(digest, "mallory")
    assert mallory.activity is not None
    days = dict(mallory.activity.days)
    assert list(days) == week.days()
    assert days[week.WEDNESDAY.date()] == 64 + 1500 + 300
    assert mallory.activity.baseline == 64 and mallory.activity.baseline_days == 28
    assert mallory.offsets is not None
    assert mallory.offsets.seen == ((540, 2),) and mallory.offsets.declared == (60,)
    assert _account(digest, "unknown:dev@unknown.example").activity is None


def test_timeline_groups_one_rules_burst(digest: Digest) -> None:
    ada = [t for t in digest.timeline if t.account == "ada"]
    assert len(ada) == 1 and ada[0].count == 30
    assert all(week.START <= t.ts < week.END for t in digest.timeline)
    assert [t.ts for t in digest.timeline] == sorted(t.ts for t in digest.timeline)


def test_the_same_week_gives_the_same_digest(week_url: str, directory: Directory, config: Config) -> None:
    store = open_store(week_url, migrate=False)
    try:
        period = periods.iso_week(week.WEEK, periods.zone("UTC"))
        first = make_digest(store, directory=directory, settings=config.digest, period=period, now=week.NOW)
        again = make_digest(store, directory=directory, settings=config.digest, period=period, now=week.NOW)
    finally:
        store.close()
    assert first == again
