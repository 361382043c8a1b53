"""What a declared IANA timezone allows, and where a commit falls in an account's day."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sentinel.model import Account

# A laptop may switch offsets a little before or after the zone's own
# transition (sleep, manual clocks); the offsets within half a day count.
_TRANSITION_SLACK = timedelta(hours=12)


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def declared_offsets(zone_name: str, when: datetime) -> frozenset[timedelta]:
    """UTC offsets `zone_name` uses around the instant `when` (DST through zoneinfo)."""
    tz = zone(zone_name)
    return frozenset(
        (when + delta).astimezone(tz).utcoffset() or timedelta(0)
        for delta in (-_TRANSITION_SLACK, timedelta(0), _TRANSITION_SLACK)
    )


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
