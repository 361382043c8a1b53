"""Honest histories stay quiet: daylight saving, one trip, integrators, ordinary work."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sentinel.repo.provenance import check_range
from tests.repo.provenance.conftest import ALICE, BOB, CAROL, NOW, SETTINGS, History, at, directory, plan

TWO_DAYS = timedelta(days=2)


def _team(history: History) -> str:
    """Feb-May 2026 (both DST changes), Alice travelling to Tokyo once; returns the base of the last week."""
    history.replay(
        # Alice, Berlin office hours; summer time from 2026-03-29.
        plan(ALICE, datetime.fromisoformat("2026-02-02 10:00"), 49, step=TWO_DAYS, zone="Europe/Berlin")
        # One week in Tokyo, committing in the morning there (night in Berlin).
        + plan(ALICE, datetime.fromisoformat("2026-05-12 10:30"), 4, step=TWO_DAYS, zone="Asia/Tokyo")
        # Bob, New York office hours; summer time from 2026-03-08.
        + plan(BOB, datetime.fromisoformat("2026-02-02 11:00"), 55, step=TWO_DAYS, zone="America/New_York")
        # Carol, Berlin, some of her own work.
        + plan(
            CAROL,
            datetime.fromisoformat("2026-02-03 14:00"),
            12,
            step=timedelta(days=9),
            zone="Europe/Berlin",
        )
    )
    # Carol applies Alice's patch (integrator), Bob edits ordinary code; a rebase keeps an older author date.
    history.commit(
        ALICE, at("2026-05-26 10:00", "+02:00"), committer=CAROL, committed=at("2026-05-26 15:00", "+02:00")
    )
    base = history.head()
    history.commit(
        BOB, at("2026-05-27 11:00", "-04:00"), files={"src/app/view.py": "x = 1\n", "docs/a.md": "a\n"}
    )
    history.commit(ALICE, at("2026-05-25 16:00", "+02:00"), committed=at("2026-05-28 09:00", "+02:00"))
    history.commit(BOB, at("2026-05-28 23:30", "-04:00"))  # one late evening is not a pattern
    return base


def test_an_honest_team_over_daylight_saving_and_one_trip_is_quiet(history: History) -> None:
    base = _team(history)
    assert check_range(history.path, None, directory(), SETTINGS, now=NOW) == []
    assert check_range(history.path, f"{base}..HEAD", directory(), SETTINGS, now=NOW) == []
    # Not quiet by accident: without the travel allowance the trip is reported.
    strict = replace(SETTINGS, travel_allowance=0)
    (trip,) = check_range(history.path, None, directory(), strict, now=NOW)
    assert trip.rule_id == "provenance.timezone-mismatch" and trip.account == "alice"
    assert len(trip.evidence) == 4 and "UTC+09:00" in trip.message
