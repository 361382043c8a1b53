"""Which week a digest covers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sentinel.errors import SentinelError
from sentinel.reporting.digest import period as periods


def test_iso_week_in_a_zone_with_daylight_saving() -> None:
    berlin = periods.zone("Europe/Berlin")
    # 2026-W13 contains the switch to summer time (Sunday 29 March): 167 hours long.
    week = periods.iso_week("2026-W13", berlin)
    assert week.label == "2026-W13"
    assert week.start == datetime(2026, 3, 23, tzinfo=berlin)
    assert week.end.astimezone(UTC) - week.start.astimezone(UTC) == timedelta(hours=167)
    assert periods.days(week, berlin) == [date(2026, 3, 23) + timedelta(days=n) for n in range(7)]


def test_last_complete_week_is_the_one_before_now() -> None:
    utc = periods.zone("UTC")
    monday_morning = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert periods.last_complete_week(monday_morning, utc).label == "2026-W47"
    sunday_night = datetime(2026, 11, 22, 23, 59, tzinfo=UTC)
    assert periods.last_complete_week(sunday_night, utc).label == "2026-W46"
    # Across a year boundary: 2027-01-04 is Monday of 2027-W01; the week before is 2026-W53.
    assert periods.last_complete_week(datetime(2027, 1, 4, 8, tzinfo=UTC), utc).label == "2026-W53"


def test_previous_period_has_the_same_length() -> None:
    week = periods.last(timedelta(days=7), datetime(2026, 11, 23, 7, tzinfo=UTC))
    before = week.previous()
    assert before.end == week.start and before.end - before.start == timedelta(days=7)


@pytest.mark.parametrize("text", ["2026-48", "2026-W54", "W48", ""])
def test_bad_weeks_are_refused(text: str) -> None:
    with pytest.raises(SentinelError, match="ISO week"):
        periods.iso_week(text, periods.zone("UTC"))


def test_bad_zone_is_refused() -> None:
    with pytest.raises(SentinelError, match=r"digest\.timezone"):
        periods.zone("Mars/Olympus")
