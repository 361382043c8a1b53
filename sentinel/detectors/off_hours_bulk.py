"""off-hours-bulk: bulk file activity outside the account's declared working hours.

Why it matters: collection is often done when nobody is watching; for a
contractor, activity at 03:00 in their declared timezone can also mean the
person working is not the person hired (ATT&CK T1005 with T1078, Valid
Accounts).

How: distinct files touched (read, written, created, moved, deleted, copied
out) per account in a sliding window, counting only events outside the
account's `hours` in its `timezone` (identities); alert above `floor`. Accounts
without declared hours are skipped. One alert per burst.

False positives: on-call work, travel, a scheduled job running as the user.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sentinel.detectors.base import Context, SlidingSet
from sentinel.model import Account, Alert, Event, Severity

ID = "off-hours-bulk"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    window_seconds: float = 600.0
    floor: int = 200
    severity: str = "medium"


def off_hours(account: Account, ts: datetime) -> bool:
    if account.hours is None:
        return False
    local = ts.astimezone(ZoneInfo(account.timezone)) if account.timezone else ts
    start, end = account.hours
    now = local.time().replace(tzinfo=None)
    inside = start <= now <= end if start <= end else (now >= start or now <= end)
    return not inside or local.weekday() >= 5


class OffHoursBulk:
    id = ID
    consumes = frozenset({("file", "*"), ("transfer", "*")})

    def __init__(self, context: Context) -> None:
        self._context = context
        self._states: dict[tuple[str, str], tuple[SlidingSet, Settings, list[bool]]] = {}

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.kind not in ("file", "transfer") or not event.path:
            return
        account = self._context.account(event.account)
        if account.hours is None or not off_hours(account, event.ts):
            return
        key = (event.host, event.account)
        if key not in self._states:
            settings = self._context.settings(Settings, ID, event.account)
            self._states[key] = (SlidingSet(timedelta(seconds=settings.window_seconds)), settings, [True])
        window, settings, armed = self._states[key]
        window.add(event.ts, event.path, event.bytes)
        window.expire(max(now, event.ts))
        if not armed[0]:
            armed[0] = len(window) < settings.floor / 2
            return
        if len(window) < settings.floor:
            return
        armed[0] = False
        start = window.start or event.ts
        hours = account.hours
        declared = f"{hours[0]:%H:%M}-{hours[1]:%H:%M} {account.timezone or 'UTC'}" if hours else ""
        yield self._context.alert(
            detector=ID,
            severity=Severity(settings.severity),
            event=event,
            start=start,
            end=event.ts,
            message=f"{event.account} touched {len(window)} files outside declared hours ({declared})",
            attack="T1005",
            evidence=(
                f"files: {len(window)} (floor {settings.floor})",
                f"declared hours: {declared}, weekdays",
                *(f"top dir: {d}" for d in window.top_dirs()),
            ),
        )

    def tick(self, now: datetime) -> Iterator[Alert]:
        for window, settings, armed in self._states.values():
            window.expire(now)
            if len(window) < settings.floor / 2:
                armed[0] = True
        return iter(())
