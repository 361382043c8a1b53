"""The agent: an ordered list of start steps, a control loop, and teardown that always runs.

As in Falco's run_steps: each step has a start and a stop; start runs them in
order, stop runs the stops of the steps that started, in reverse, each one
guarded so a failing teardown never skips the next (audit rules removed, the
queue flushed, the lock released). Signals are blocked in every thread and
taken synchronously by the control loop (sigtimedwait), which also knows who
sent them: a SIGTERM's sender pid and uid go into the agent-stop event.

The parts the steps start are built in components.py; the events about the
agent itself (start, stop, heartbeats, gaps) and its run state are
coverage.py.
"""

from __future__ import annotations

import dataclasses
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass

from sentinel.config import Config
from sentinel.endpoint import state
from sentinel.endpoint.components import Components
from sentinel.endpoint.coverage import Coverage
from sentinel.endpoint.notify import Notifier
from sentinel.endpoint.queue import EventQueue
from sentinel.endpoint.settings import Settings, resolve
from sentinel.errors import SentinelError

log = logging.getLogger(__name__)

_SIGNALS = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    start: Callable[[], None]
    stop: Callable[[], None] | None = None


class Agent:
    def __init__(
        self,
        settings: Settings,
        *,
        reload: Callable[[], Config] | None = None,
        notifier: Notifier | None = None,
    ) -> None:
        self.s = settings
        self._reload = reload
        self._notify = notifier or Notifier()
        agent = settings.config.agent
        self.queue = EventQueue(agent.queue_size)
        self._lock = state.Lock(settings.lock_path)
        self.coverage = Coverage(
            settings=lambda: self.s, queue=self.queue, state_path=settings.state_dir / "agent.state"
        )
        self.parts = Components(settings, queue=self.queue, coverage=self.coverage)
        self._stop_reason = "stopped"
        self._started_steps: list[Step] = []

    # -- steps ----------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        parts = self.parts
        return [
            Step("state directory", self._make_state_dir),
            Step("lock", self._lock.acquire, self._lock.release),
            # Before the writer: marked clean only after the writer has flushed.
            Step("run state", self.coverage.check_previous_run, self.coverage.mark_clean),
            # Started last (below), stopped after the writer: its final round sends what
            # the writer flushed on the way out, the agent-stop record included.
            Step("forwarder's last round", lambda: None, parts.stop_forwarder),
            Step("writer", parts.start_writer, lambda: parts.stop_writer(self._stop_reason)),
            Step("files", parts.start_files, parts.stop_files),
            Step("mounts", parts.start_mounts),
            Step("commit scanner", parts.start_commits, parts.stop_commits),
            Step("repositories", parts.start_repos),
            Step("audit, processes and network", parts.start_host, parts.stop_host),
            Step("forwarder", parts.start_forwarder),
        ]

    def start(self) -> None:
        for step in self.steps():
            log.debug("start: %s", step.name)
            step.start()
            self._started_steps.append(step)

    def stop(self) -> None:
        """Stop every started step in reverse; each runs even if an earlier one failed."""
        self._notify.stopping()
        while self._started_steps:
            step = self._started_steps.pop()
            if step.stop is None:
                continue
            try:
                log.debug("stop: %s", step.name)
                step.stop()
            except Exception:
                log.exception("stopping %s failed; continuing teardown", step.name)

    def _make_state_dir(self) -> None:
        try:
            self.s.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise SentinelError(f"cannot create state directory {self.s.state_dir}: {exc.strerror}") from None

    # -- the control loop ---------------------------------------------------------------

    def run(self) -> int:
        """Start, loop until SIGTERM/SIGINT, stop. Returns the exit code."""
        previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            try:
                self.start()
            except BaseException:
                self.stop()
                raise
            try:
                self._notify.ready(f"watching {len(self.s.watch)} tree(s)")
                log.info("agent running on %s (store %s)", self.s.host, self.s.store_url)
                self._loop()
            finally:
                self.stop()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)
        return 0

    def _loop(self) -> None:
        agent = self.s.config.agent
        tick = min(agent.poll_interval, agent.heartbeat)
        if self._notify.watchdog_seconds:
            tick = min(tick, self._notify.watchdog_seconds / 2)
        while True:
            info = signal.sigtimedwait(_SIGNALS, tick)
            # Seen on 3.11 after SIGSTOP/SIGCONT: a siginfo with a garbage signal number.
            if info is not None and info.si_signo not in _SIGNALS:
                log.debug("ignoring a spurious wake-up from sigtimedwait (signo %d)", info.si_signo)
                info = None
            if info is not None:
                sender = (
                    f"signal {signal.Signals(info.si_signo).name} from pid {info.si_pid} uid {info.si_uid}"
                )
                if info.si_signo == signal.SIGHUP:
                    self._reload_config(sender)
                    continue
                log.info("stopping: %s", sender)
                self._stop_reason = sender
                return
            self._notify.watchdog()
            self.parts.poll()
            if self.coverage.heartbeat(self._status):
                self._notify.status(self._status())
            writer = self.parts.writer
            if writer is not None and not writer.is_alive():
                # Not a SentinelError: exit 3, so systemd restarts the agent.
                raise RuntimeError(f"the writer stopped: {writer.error}")

    def _status(self) -> str:
        writer = self.parts.writer
        persisted = writer.persisted if writer else 0
        return f"{persisted} events persisted, {len(self.queue)} queued"

    def _reload_config(self, sender: str) -> None:
        if self._reload is None:
            return
        self._notify.reloading()
        try:
            fresh = resolve(self._reload())
        except SentinelError as exc:
            log.error("reload refused, keeping the running config: %s", exc)
            self.coverage.record("reload", detail=f"refused: {exc}")
            self._notify.ready()
            return
        if fresh.store_url != self.s.store_url or fresh.state_dir != self.s.state_dir:
            log.warning("store and state_dir changes need a restart; keeping %s", self.s.store_url)
            fresh = dataclasses.replace(fresh, store_url=self.s.store_url, state_dir=self.s.state_dir)
        self.s = fresh
        self.parts.reconfigure(fresh)
        log.info("reloaded config (%s)", sender)
        self.coverage.record("reload", detail=sender)
        self._notify.ready()
