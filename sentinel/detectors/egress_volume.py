"""egress-volume: far more bytes than usual leaving for one destination, or a new destination receiving many.

Why it matters: whatever tool is used (one this agent does not know, a
browser upload, a renamed binary, `nc host 9 < file`), exfiltration shows in
the bytes that leave (ATT&CK T1048 Exfiltration Over Alternative Protocol;
T1041 Exfiltration Over C2 Channel for a destination never seen before).

How: network `sent` events (bytes a TCP socket sent to a remote address,
from sentinel/endpoint/sources/network.py; loopback and the local networks
are dropped there unless `agent.loopback_is_external`) summed per account
and destination host over a sliding `window_seconds`. Alert when the sum
passes max(`floor`, `k` x the account's baseline): the median of its past
per-destination window totals (this run; fewer than `min_history` windows:
the floor alone). A destination the account has not sent to before in this
run alerts once it receives `first_seen_bytes`. Destinations in
`approved_destinations` (addresses or CIDR networks) are skipped. One alert
per burst per destination; re-armed once the window falls below half.

False positives: backups and large pushes to a new mirror; approve the
destination. First-seen is per run: an agent restart forgets what it saw.
"""

from __future__ import annotations

import collections
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sentinel.detectors import commands
from sentinel.detectors.base import Context, human_bytes
from sentinel.model import Alert, Event, Severity

ID = "egress-volume"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    window_seconds: float = 600.0
    floor: int = 500 * 1024 * 1024
    k: float = 10.0
    history: int = 48
    min_history: int = 6
    first_seen_bytes: int = 100 * 1024 * 1024
    severity: str = "high"
    first_seen_severity: str = "medium"


@dataclass(slots=True)
class _Destination:
    sends: collections.deque[tuple[datetime, int, str]] = field(default_factory=collections.deque)
    total: int = 0
    peak: int = 0  # the largest total of the current burst, recorded as history when it ends
    armed: bool = True
    first_seen_armed: bool = True


@dataclass(slots=True)
class _Account:
    settings: Settings
    destinations: dict[str, _Destination] = field(default_factory=dict)
    history: collections.deque[int] = field(default_factory=collections.deque)


class EgressVolume:
    id = ID
    consumes = frozenset({("network", "sent")})

    def __init__(self, context: Context) -> None:
        self._context = context
        self._accounts: dict[str, _Account] = {}

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.kind != "network" or event.action != "sent" or event.bytes <= 0 or not event.remote:
            return
        host = commands.host_of(event.remote)
        if commands.approved_destination(host, self._context.rules):
            return
        account = self._accounts.get(event.account)
        if account is None:
            settings = self._context.settings(Settings, ID, event.account)
            account = _Account(settings=settings, history=collections.deque(maxlen=settings.history))
            self._accounts[event.account] = account
        settings = account.settings
        first = host not in account.destinations
        dest = account.destinations.setdefault(host, _Destination(first_seen_armed=first))
        self._expire(account, dest, event.ts)
        dest.sends.append((event.ts, event.bytes, event.detail))
        dest.total += event.bytes
        dest.peak = max(dest.peak, dest.total)
        history = list(account.history)
        baseline = statistics.median(history) if len(history) >= settings.min_history else 0.0
        threshold = max(settings.floor, settings.k * baseline)
        if dest.armed and dest.total >= threshold:
            dest.armed = False
            dest.first_seen_armed = False
            why = (
                f"threshold: {human_bytes(int(threshold))} (floor {human_bytes(settings.floor)},"
                f" k {settings.k:g} x baseline {human_bytes(int(baseline))} over {len(history)} windows)"
            )
            what = f"sent {human_bytes(dest.total)} to {host} in {settings.window_seconds:g} s"
            yield self._alert(event, dest, host, settings.severity, "T1048", what, (why,))
        elif dest.first_seen_armed and dest.total >= settings.first_seen_bytes:
            dest.first_seen_armed = False
            yield self._alert(event, dest, host, settings.first_seen_severity, "T1041",
                              f"sent {human_bytes(dest.total)} to a destination not seen before, {host}",
                              (f"first-seen floor: {human_bytes(settings.first_seen_bytes)}",))  # fmt: skip

    def _alert(
        self,
        event: Event,
        dest: _Destination,
        host: str,
        severity: str,
        attack: str,
        what: str,
        why: tuple[str, ...],
    ) -> Alert:
        processes = collections.Counter(d for _, _, d in dest.sends if d)
        return self._context.alert(
            detector=ID,
            severity=Severity(severity),
            event=event,
            start=dest.sends[0][0],
            end=event.ts,
            message=f"{event.account} {what}",
            attack=attack,
            evidence=(
                f"destination: {host} (last {event.remote})",
                f"bytes: {dest.total} in {len(dest.sends)} connection(s)",
                *why,
                *(f"sender: {d} ({n})" for d, n in processes.most_common(3)),
                f"attributed by: {event.attributed_by or 'unknown'}",
            ),
        )

    def _expire(self, account: _Account, dest: _Destination, now: datetime) -> None:
        horizon = now - timedelta(seconds=account.settings.window_seconds)
        while dest.sends and dest.sends[0][0] < horizon:
            _, size, _ = dest.sends.popleft()
            dest.total -= size
        if not dest.sends and dest.peak:
            account.history.append(dest.peak)  # a burst ended: it joins the baseline
            dest.peak = 0
        if not dest.armed and dest.total < max(account.settings.floor, 1) / 2:
            dest.armed = True

    def tick(self, now: datetime) -> Iterator[Alert]:
        for account in self._accounts.values():
            for dest in account.destinations.values():
                self._expire(account, dest, now)
        return iter(())
