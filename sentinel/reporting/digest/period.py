"""Which week a digest covers: an ISO week, the last N days, or the last complete week."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sentinel.errors import SentinelError
from sentinel.reporting.digest.model import Period

_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")


def zone(name: str) -> ZoneInfo:
    """
    Raises:
        SentinelError: not an IANA zone name.
    """
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise SentinelError(f"digest.timezone: unknown IANA timezone {name!r}") from None


def iso_week(text: str, tz: ZoneInfo) -> Period:
    """`2026-W48` -> Monday 00:00 to the next Monday 00:00 in `tz`.

    Raises:
        SentinelError: not a valid ISO week.
    """
    match = _WEEK.match(text.strip())
    if not match:
        raise SentinelError(f"not an ISO week: {text!r} (use e.g. 2026-W48)")
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise SentinelError(f"not an ISO week: {text!r}") from None
    return _week_of(monday, tz)


def last_complete_week(now: datetime, tz: ZoneInfo) -> Period:
    """The ISO week before the one `now` falls in: what a Monday-morning timer reports on."""
    today = now.astimezone(tz).date()
    return _week_of(today - timedelta(days=today.weekday() + 7), tz)


def last(duration: timedelta, now: datetime) -> Period:
    start = now - duration
    return Period(start=start, end=now, label=f"{start:%Y-%m-%d %H:%M} to {now:%Y-%m-%d %H:%M} UTC")


def _week_of(monday: date, tz: ZoneInfo) -> Period:
    year, week, _ = monday.isocalendar()
    start = datetime.combine(monday, time(0), tzinfo=tz)
    end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=tz)
    return Period(start=start, end=end, label=f"{year}-W{week:02d}")


def days(period: Period, tz: ZoneInfo) -> list[date]:
    """The calendar days (in `tz`) the period touches."""
    first = period.start.astimezone(tz).date()
    last_day = (period.end - timedelta(microseconds=1)).astimezone(tz).date()
    return [first + timedelta(days=i) for i in range((last_day - first).days + 1)]
