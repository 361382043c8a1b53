from __future__ import annotations

from datetime import datetime, timedelta

from sentinel.model import Role, Severity
from sentinel.repo.provenance import check_range
from sentinel.repo.provenance.zones import declared_offsets, matches_zone
from tests.repo.provenance.conftest import ALICE, BOB, NOW, SETTINGS, History, at, directory, plan
from tests.repo.provenance.helpers import only


def test_declared_offsets_follow_daylight_saving() -> None:
    # Europe/Berlin moves from +01:00 to +02:00 at 01:00 UTC on 2026-03-29.
    assert declared_offsets("Europe/Berlin", at("2026-01-15 10:00", "+01:00")) == {timedelta(hours=1)}
    assert declared_offsets("Europe/Berlin", at("2026-07-15 10:00", "+02:00")) == {timedelta(hours=2)}
    assert matches_zone("Europe/Berlin", at("2026-03-29 10:00", "+02:00"))
    assert matches_zone("Europe/Berlin", at("2026-03-28 10:00", "+01:00"))
    assert not matches_zone("Europe/Berlin", at("2026-03-20 10:00", "+02:00"))  # summer time too early
    assert matches_zone("America/New_York", at("2026-03-09 10:00", "-04:00"))
    assert not matches_zone("America/New_York", at("2026-03-01 10:00", "-04:00"))


def test_contractor_committing_from_another_continent_is_a_mismatch(history: History) -> None:
    shas = history.series(BOB, at("2026-05-01 10:00", "+08:00"), 20)
    findings = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "timezone-mismatch")
    (finding,) = findings
    assert finding.account == "bob" and finding.role is Role.CONTRACTOR
    assert finding.severity is Severity.HIGH
    assert set(finding.evidence) == set(shas)
    assert finding.path == "" and finding.line is None and finding.commit is not None
    assert "America/New_York" in finding.message and "UTC-04:00" in finding.message
    assert "+08:00" in finding.message and "20 commits" in finding.message


def test_one_trip_after_a_home_pattern_is_travel_a_second_is_not(history: History) -> None:
    history.series(ALICE, datetime.fromisoformat("2026-04-01 10:00"), 10, zone="Europe/Berlin")
    trip = history.series(ALICE, at("2026-04-12 10:00", "+09:00"), 5)
    history.series(ALICE, datetime.fromisoformat("2026-04-20 10:00"), 5, zone="Europe/Berlin")
    assert check_range(history.path, None, directory(), SETTINGS, now=NOW) == []
    second = history.series(ALICE, at("2026-05-10 10:00", "-05:00"), 3)
    findings = check_range(history.path, None, directory(), SETTINGS, now=NOW)
    (finding,) = only(findings, "timezone-mismatch")
    assert set(finding.evidence) == set(second) and not set(trip) & set(finding.evidence)
    assert finding.severity is Severity.LOW and finding.role is Role.EMPLOYEE


def test_a_trip_in_the_scanned_range_is_judged_against_the_history_before_it(history: History) -> None:
    history.series(ALICE, datetime.fromisoformat("2026-04-01 10:00"), 10, zone="Europe/Berlin")
    base = history.head()
    history.series(ALICE, at("2026-04-12 10:00", "+09:00"), 3)
    assert check_range(history.path, f"{base}..HEAD", directory(), SETTINGS, now=NOW) == []
    # Without a home pattern before it, the same commits are a mismatch.
    fresh = History(history.path.parent / "fresh")
    fresh.series(ALICE, at("2026-04-12 10:00", "+09:00"), 3)
    assert only(check_range(fresh.path, None, directory(), SETTINGS, now=NOW), "timezone-mismatch")


def test_offsets_hopping_between_continents(history: History) -> None:
    offsets = ["+01:00", "+09:00", "-05:00", "+01:00", "+09:00", "-05:00", "+01:00"]
    for day, offset in enumerate(offsets, start=1):
        history.commit(BOB, at(f"2026-02-{day:02d} 10:00", offset))
    (finding,) = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "timezone-hopping")
    assert finding.account == "bob" and finding.severity is Severity.HIGH
    assert "6 unexplained offset changes" in finding.message and len(finding.evidence) == 6


def test_daylight_saving_changes_are_not_hopping(history: History) -> None:
    # Across two DST changes each way, Berlin office hours: no finding of any kind.
    history.replay(
        plan(
            ALICE,
            datetime.fromisoformat("2025-10-15 10:00"),
            12,
            step=timedelta(days=15),
            zone="Europe/Berlin",
        )
        + plan(ALICE, datetime.fromisoformat("2026-03-20 10:00"), 20, zone="Europe/Berlin")
        + plan(BOB, datetime.fromisoformat("2026-02-25 11:00"), 20, zone="America/New_York")
    )
    assert check_range(history.path, None, directory(), SETTINGS, now=NOW) == []
