"""Events about the agent itself, and the run-state file that lets the next run speak for this one.

Coverage events say what the agent could or could not see (a contractor who
stops the agent is itself a signal): its start and stop, a previous run that
died without stopping (its run state was never marked clean), heartbeats, and
a gap between heartbeats (the loop was not scheduled: SIGSTOP, a suspended
VM). They go in the queue as control events, which it never refuses. Kept out
of daemon.py so that stays a list of steps and a control loop.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sentinel.endpoint import attribution, state
from sentinel.endpoint.queue import EventQueue
from sentinel.endpoint.settings import Settings
from sentinel.model import Event


class Coverage:
    def __init__(self, *, settings: Callable[[], Settings], queue: EventQueue, state_path: Path) -> None:
        """`settings`: the agent's current settings (they change on reload)."""
        self._settings = settings
        self._queue = queue
        self._state_path = state_path
        self._started = datetime.now(UTC)
        self._last_heartbeat = self._started

    def _owner(self) -> str:
        s = self._settings()
        if s.account:
            return s.account
        by_host = s.directory.by_host(s.host)
        return by_host.id

    def event(
        self, action: str, detail: str = "", count: int = 0, *, path: str = "", since: str = ""
    ) -> Event:
        return Event(
            ts=datetime.now(UTC),
            host=self._settings().host,
            account=self._owner(),
            kind="coverage",
            action=action,
            path=path,
            dest_path=since,
            bytes=count,
            pid=os.getpid(),
            attributed_by=attribution.AGENT,
            detail=detail,
        )

    def record(self, action: str, path: str = "", detail: str = "", count: int = 0) -> None:
        """Queue a coverage event (never refused by the queue)."""
        self._queue.put_control(self.event(action, detail, count, path=path))

    # -- run state ------------------------------------------------------------------------

    def check_previous_run(self) -> None:
        """Record agent-start, and unclean-stop when the previous run never marked itself clean."""
        previous = state.read(self._state_path)
        self.record(
            "agent-start", detail=f"pid {os.getpid()}, watching {len(self._settings().watch)} tree(s)"
        )
        if previous is not None and not previous.clean:
            known = previous.heartbeat.year > 1
            seen = previous.heartbeat.isoformat() if known else "unknown"
            gap = f"{(self._started - previous.heartbeat).total_seconds():.0f} s" if known else "unknown time"
            self._queue.put_control(
                self.event(
                    "unclean-stop",
                    f"previous agent (pid {previous.pid}) died without stopping; last heartbeat {seen}; "
                    f"unseen for {gap}",
                    since=seen if known else "",
                )
            )
        self._write_state(clean=False)

    def mark_clean(self) -> None:
        self._write_state(clean=True)

    def _write_state(self, *, clean: bool) -> None:
        state.write(
            self._state_path,
            state.RunState(pid=os.getpid(), started=self._started, heartbeat=datetime.now(UTC), clean=clean),
        )

    # -- heartbeat --------------------------------------------------------------------------

    def heartbeat(self, status: Callable[[], str]) -> bool:
        """Record a heartbeat if one is due (and a gap if it is late); True when recorded."""
        now = datetime.now(UTC)
        interval = self._settings().config.agent.heartbeat
        elapsed = (now - self._last_heartbeat).total_seconds()
        if elapsed < interval:
            return False
        if elapsed > max(3 * interval, interval + 2):
            # The loop was not scheduled (SIGSTOP, a suspended VM): events may be missing.
            self._queue.put_control(
                self.event(
                    "heartbeat-gap",
                    f"no heartbeat for {elapsed:.0f} s (expected every {interval:g} s)",
                    since=self._last_heartbeat.isoformat(),
                )
            )
        self._last_heartbeat = now
        self.record("heartbeat", detail=status())
        self._write_state(clean=False)
        return True
