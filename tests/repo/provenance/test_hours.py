from __future__ import annotations

from datetime import datetime, timedelta

from sentinel.model import Severity
from sentinel.repo.provenance import check_range
from tests.repo.provenance.conftest import ALICE, BOB, NOW, SETTINGS, History, directory, plan
from tests.repo.provenance.helpers import only

DAY = timedelta(days=1)


def test_contractor_shifting_to_night_work_is_a_pattern(history: History) -> None:
    # Bob worked New York office hours for two months; in the last 30 days he commits at 03:00
    # New York time (with New York's offset, so only the hours give him away).
    history.replay(
        plan(BOB, datetime.fromisoformat("2026-02-20 11:00"), 40, zone="America/New_York")
        + plan(ALICE, datetime.fromisoformat("2026-05-05 10:00"), 25, zone="Europe/Berlin")
        + plan(BOB, datetime.fromisoformat("2026-05-05 03:00"), 15, zone="America/New_York")
        + plan(BOB, datetime.fromisoformat("2026-05-05 14:00"), 3, step=5 * DAY, zone="America/New_York")
    )
    (finding,) = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "off-hours-pattern")
    assert finding.account == "bob" and finding.severity is Severity.MEDIUM
    assert len(finding.evidence) == 15
    assert "15 of 18 recent commits (83%" in finding.message
    assert "0% of its own earlier 40 commits" in finding.message and "peers'" in finding.message


def test_a_few_late_commits_are_not_a_pattern(history: History) -> None:
    history.replay(
        plan(BOB, datetime.fromisoformat("2026-04-20 11:00"), 36, zone="America/New_York")
        + plan(BOB, datetime.fromisoformat("2026-05-20 23:30"), 3, zone="America/New_York")
    )
    assert only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "off-hours-pattern") == []


def test_someone_who_always_worked_nights_does_not_stand_out(history: History) -> None:
    # Off hours for months: the own-history comparison keeps it quiet.
    history.series(ALICE, datetime.fromisoformat("2026-03-01 22:00"), 45, step=2 * DAY, zone="Europe/Berlin")
    assert only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "off-hours-pattern") == []


def test_peers_working_the_same_hours_keep_it_quiet(history: History) -> None:
    # A shared night shift: Bob at night is no different from his peers (a new contractor, no own history).
    night = {"alice": {"hours": None}}
    history.replay(
        plan(ALICE, datetime.fromisoformat("2026-05-05 03:00"), 20, zone="America/New_York")
        + plan(BOB, datetime.fromisoformat("2026-05-05 03:30"), 15, zone="America/New_York")
    )
    quiet = directory(carol={"emails": ()}, **night)  # alice declares no hours: no peer baseline
    assert only(check_range(history.path, None, quiet, SETTINGS, now=NOW), "off-hours-pattern")
    peers = directory(alice={"timezone": "America/New_York"})
    assert only(check_range(history.path, None, peers, SETTINGS, now=NOW), "off-hours-pattern") == []
