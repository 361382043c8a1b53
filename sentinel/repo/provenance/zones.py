"""What a declared IANA timezone allows, and where a commit falls in an account's day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sentinel.model import Account

# A laptop may switch offsets a little before or after the zone's own
# transition (sleep, manual clocks); offsets within half a day count.
_TRANSITION_SLACK = timedelta(hours=12)


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def declared_offsets(zone_name: str, when: datetime) -> frozenset[timedelta]:
    """UTC offsets `zone_name` uses on `when`'s date (DST through zoneinfo).

    The date is `when`'s UTC date widened by half a day each side, which covers
    the local date anywhere on Earth and laptops that switch a little early or
    late; caching by date keeps 10,000 commits cheap.
    """
    return _offsets_on(zone_name, when.astimezone(UTC).date())


@lru_cache(maxsize=8192)
def _offsets_on(zone_name: str, day: date) -> frozenset[timedelta]:
    tz = zone(zone_name)
    midnight = datetime.combine(day, time(0), UTC)
    instants = (
        midnight - _TRANSITION_SLACK,
        midnight + timedelta(hours=12),
        midnight + timedelta(days=1) + _TRANSITION_SLACK,
    )
    return frozenset(i.astimezone(tz).utcoffset() or timedelta(0) for i in instants)


def matches_zone(zone_name: str, when: datetime) -> bool:
    """True when `when`'s own offset is one the zone uses on that date."""
    return (when.utcoffset() or timedelta(0)) in declared_offsets(zone_name, when)


def local(account: Account, when: datetime) -> datetime:
    """`when` on the account's declared clock (its own offset if no zone is declared)."""
    return when.astimezone(zone(account.timezone)) if account.timezone else when


def off_hours(account: Account, when: datetime, *, weekends: bool = False) -> bool | None:
    """Whether `when` falls outside the account's declared hours; None if it declares none."""
    if account.hours is None:
        return None
    moment = local(account, when)
    if weekends and moment.weekday() >= 5:
        return True
    return not _within(moment.time(), *account.hours)


def _within(now: time, start: time, end: time) -> bool:
    if start <= end:
        return start <= now <= end
    return now >= start or now <= end  # a night shift, e.g. 22:00-06:00


def format_offset(offset: timedelta) -> str:
    """+01:00 style."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def format_offsets(offsets: frozenset[timedelta] | set[timedelta]) -> str:
    return "/".join(format_offset(o) for o in sorted(offsets))
