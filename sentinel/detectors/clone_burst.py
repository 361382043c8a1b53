"""clone-burst: many repositories cloned by one account in a short time.

Why it matters: an insider collecting an organisation's code clones
repository after repository, often ones they never touched before (ATT&CK
T1213.003, Data from Information Repositories: Code Repositories).

How: repo `clone` events (a new repository appearing under a watched tree)
per account in a sliding window; alert when the distinct repositories reach
`clones`. One alert per burst.

False positives: onboarding, a machine rebuild, a monorepo split; raise
`clones` for the role or account in rules/activity.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.detectors.base import Context, SlidingSet
from sentinel.model import Alert, Event, Severity

ID = "clone-burst"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    window_seconds: float = 1800.0
    clones: int = 10
    severity: str = "medium"


class CloneBurst:
    id = ID
    consumes = frozenset({("repo", "clone")})

    def __init__(self, context: Context) -> None:
        self._context = context
        self._states: dict[tuple[str, str], tuple[SlidingSet, Settings, list[bool]]] = {}

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.kind != "repo" or event.action != "clone":
            return
        key = (event.host, event.account)
        if key not in self._states:
            settings = self._context.settings(Settings, ID, event.account)
            self._states[key] = (SlidingSet(timedelta(seconds=settings.window_seconds)), settings, [True])
        window, settings, armed = self._states[key]
        window.add(event.ts, event.path, 0)
        window.expire(max(now, event.ts))
        if not armed[0]:
            armed[0] = len(window) < settings.clones / 2
            return
        if len(window) < settings.clones:
            return
        armed[0] = False
        start = window.start or event.ts
        yield self._context.alert(
            detector=ID,
            severity=Severity(settings.severity),
            event=event,
            start=start,
            end=event.ts,
            message=f"{event.account} cloned {len(window)} repositories in {(event.ts - start).seconds} s",
            attack="T1213.003",
            evidence=(f"repositories: {len(window)} (threshold {settings.clones})", *window.top_dirs()),
        )

    def tick(self, now: datetime) -> Iterator[Alert]:
        for window, settings, armed in self._states.values():
            window.expire(now)
            if len(window) < settings.clones / 2:
                armed[0] = True
        return iter(())
