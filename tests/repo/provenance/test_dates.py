from __future__ import annotations

from datetime import date, timedelta, timezone

from sentinel.model import Severity
from sentinel.repo.provenance import check_range
from tests.repo.provenance.conftest import ALICE, BOB, NOW, SETTINGS, History, at, directory
from tests.repo.provenance.helpers import only


def test_author_date_far_before_the_commit(history: History) -> None:
    history.commit(ALICE, at("2026-04-01 10:00", "+02:00"))
    # A rebase a few days later keeps the author date: fine.
    history.commit(ALICE, at("2026-04-02 10:00", "+02:00"), committed=at("2026-04-06 10:00", "+02:00"))
    sha = history.commit(BOB, at("2026-01-05 10:00", "-05:00"), committed=at("2026-04-07 11:00", "-04:00"))
    (finding,) = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "backdated")
    assert finding.evidence == (sha,) and finding.account == "bob" and finding.severity is Severity.MEDIUM
    assert "more than 30 days before the commit" in finding.message and "92 days" in finding.message


def test_commit_dated_before_its_parent(history: History) -> None:
    history.commit(ALICE, at("2026-04-10 10:00", "+02:00"))
    sha = history.commit(ALICE, at("2026-03-01 10:00", "+01:00"))
    (finding,) = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "backdated")
    assert finding.evidence == (sha,) and "before the parent's" in finding.message


def test_dates_in_the_future(history: History) -> None:
    history.commit(ALICE, at("2026-05-31 10:00", "+02:00"))
    sha = history.commit(ALICE, NOW + timedelta(days=3))
    (finding,) = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "future-dated")
    assert finding.evidence == (sha,) and finding.severity is Severity.MEDIUM
    # An hour ahead is clock skew, not a finding.
    skewed = History(history.path.parent / "skew")
    skewed.commit(ALICE, (NOW + timedelta(hours=1)).astimezone(timezone(timedelta(hours=2))))
    assert check_range(skewed.path, None, directory(), SETTINGS, now=NOW) == []


def test_commits_after_the_end_date(history: History) -> None:
    ended = directory(bob={"end": date(2026, 4, 30)})
    # 23:30 on the last day in New York is still the last day, though UTC says May 1st.
    history.commit(BOB, at("2026-04-30 23:30", "-04:00"))
    assert check_range(history.path, None, ended, SETTINGS, now=NOW) == []
    sha = history.commit(BOB, at("2026-05-10 10:00", "-04:00"))
    (finding,) = only(check_range(history.path, None, ended, SETTINGS, now=NOW), "after-end-date")
    assert finding.evidence == (sha,) and finding.severity is Severity.CRITICAL
    assert "ended on 2026-04-30" in finding.message and "authored" in finding.message
    # Committing someone else's work after the end date is acting too.
    late = History(history.path.parent / "late")
    late.commit(ALICE, at("2026-05-11 10:00", "+02:00"), committer=BOB)
    (committed,) = only(check_range(late.path, None, ended, SETTINGS, now=NOW), "after-end-date")
    assert "committed after it" in committed.message and committed.account == "bob"
