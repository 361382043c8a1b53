"""The agent: an ordered list of start steps, a control loop, and teardown that always runs.

As in Falco's run_steps: each step has a start and a stop; start runs them in
order, stop runs the stops of the steps that started, in reverse, each one
guarded so a failing teardown never skips the next (audit rules removed, the
queue flushed, the lock released). Signals are blocked in every thread and
taken synchronously by the control loop (sigtimedwait), which also knows who
sent them: a SIGTERM's sender pid and uid go into the agent-stop event.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sentinel import config as config_module
from sentinel import detectors
from sentinel.config import Config
from sentinel.detectors.base import Context, Detector
from sentinel.endpoint import attribution, state
from sentinel.endpoint.commits import CommitScanner
from sentinel.endpoint.forwarding import ForwardThread
from sentinel.endpoint.host_sources import HostSources
from sentinel.endpoint.notify import Notifier
from sentinel.endpoint.queue import EventQueue
from sentinel.endpoint.settings import Settings, resolve
from sentinel.endpoint.sources import files, mounts, repos
from sentinel.endpoint.writer import Writer
from sentinel.errors import SentinelError
from sentinel.model import Event
from sentinel.store import open_store

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
        self.commits: CommitScanner | None = None
        agent = settings.config.agent
        self.queue = EventQueue(agent.queue_size)
        self._attributor = attribution.Attributor(settings.directory, settings.account)
        self._lock = state.Lock(settings.lock_path)
        self._state_path = settings.state_dir / "agent.state"
        self._started = datetime.now(UTC)
        self._last_heartbeat = self._started
        self._stop_reason = "stopped"
        self.writer: Writer | None = None
        self.files: files.FileSource | None = None
        self.mounts: mounts.MountSource | None = None
        self.repos: repos.RepoSource | None = None
        self.host: HostSources | None = None
        self.forwarder: ForwardThread | None = None
        self._started_steps: list[Step] = []

    # -- events about the agent itself --------------------------------------------------

    def _owner(self) -> str:
        if self.s.account:
            return self.s.account
        by_host = self.s.directory.by_host(self.s.host)
        return by_host.id

    def coverage_event(
        self, action: str, detail: str = "", count: int = 0, *, path: str = "", since: str = ""
    ) -> Event:
        return Event(
            ts=datetime.now(UTC),
            host=self.s.host,
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
        self.queue.put_control(self.coverage_event(action, detail, count, path=path))

    # -- steps ----------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        return [
            Step("state directory", self._make_state_dir),
            Step("lock", self._lock.acquire, self._lock.release),
            # Before the writer: marked clean only after the writer has flushed.
            Step("run state", self._check_previous_run, self._mark_clean),
            # Started last (below), stopped after the writer: its final round sends what
            # the writer flushed on the way out, the agent-stop record included.
            Step("forwarder's last round", lambda: None, self._stop_forwarder),
            Step("writer", self._start_writer, self._stop_writer),
            Step("files", self._start_files, self._stop_files),
            Step("mounts", self._start_mounts),
            Step("commit scanner", self._start_commits, self._stop_commits),
            Step("repositories", self._start_repos),
            Step("audit, processes and network", self._start_host, self._stop_host),
            Step("forwarder", self._start_forwarder),
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

    def _start_writer(self) -> None:
        agent = self.s.config.agent
        self.writer = Writer(
            queue=self.queue,
            open_store=lambda: open_store(self.s.store_url),
            detectors=self._build_detectors(self.s),
            batch_size=agent.batch_size,
            batch_interval=agent.batch_interval,
            spill_dir=self.s.state_dir,
            coverage=lambda action, detail, count: self.coverage_event(action, detail, count),
            retention=timedelta(days=agent.retention_days) if agent.retention_days else None,
        )
        self.writer.start()
        self.writer.ready.wait()
        if self.writer.error is not None:
            error = self.writer.error
            self.writer = None
            raise error if isinstance(error, SentinelError) else SentinelError(f"store: {error}")

    def _stop_writer(self) -> None:
        if self.writer is None:
            return
        self.record("agent-stop", detail=self._stop_reason)
        self.writer.stop()
        if self.writer.is_alive():  # pragma: no cover (store hung for two minutes)
            log.error("writer did not finish; %d event(s) still queued", len(self.queue))
        log.info(
            "stopped: %d event(s) persisted, %d alert(s), %d detector error(s)",
            self.writer.persisted,
            self.writer.alerts,
            self.writer.detector_errors,
        )

    @staticmethod
    def _build_detectors(s: Settings) -> tuple[Detector, ...]:
        return detectors.build(
            Context(rules=s.rules, directory=s.directory, weights=s.config.weights, watched=s.watch)
        )

    def _check_previous_run(self) -> None:
        previous = state.read(self._state_path)
        self.record("agent-start", detail=f"pid {os.getpid()}, watching {len(self.s.watch)} tree(s)")
        if previous is not None and not previous.clean:
            known = previous.heartbeat.year > 1
            seen = previous.heartbeat.isoformat() if known else "unknown"
            gap = f"{(self._started - previous.heartbeat).total_seconds():.0f} s" if known else "unknown time"
            self.queue.put_control(
                self.coverage_event(
                    "unclean-stop",
                    f"previous agent (pid {previous.pid}) died without stopping; last heartbeat {seen}; "
                    f"unseen for {gap}",
                    since=seen if known else "",
                )
            )
        self._write_state(clean=False)

    def _mark_clean(self) -> None:
        self._write_state(clean=True)

    def _write_state(self, *, clean: bool) -> None:
        state.write(
            self._state_path,
            state.RunState(pid=os.getpid(), started=self._started, heartbeat=datetime.now(UTC), clean=clean),
        )

    def _start_files(self) -> None:
        self.files = files.FileSource(
            host=self.s.host,
            attributor=self._attributor,
            ignore=(*self.s.rules.ignore, *self.s.config.agent.ignore),
            emit=self.queue.put,
            coverage=lambda action, path, detail, count: self.record(action, path, detail, count),
            on_git_dir=lambda root: self.repos.cloned(root) if self.repos is not None else None,
        )
        self.files.start()
        if not self.s.watch:
            log.warning("agent.watch is empty: no file activity will be seen")
        for tree in self.s.watch:
            self.files.watch(tree)

    def _stop_files(self) -> None:
        if self.files is not None:
            self.files.stop()

    def _start_mounts(self) -> None:
        def changed(added: dict[str, mounts.Mount], removed: dict[str, mounts.Mount]) -> None:
            assert self.files is not None and self.mounts is not None
            for point in removed:
                self.files.unwatch(point)
            self.files.set_destinations(self.mounts.current)
            for point in added:
                self.files.watch(point)

        self.mounts = mounts.MountSource(
            host=self.s.host,
            account=lambda path: self._attributor.fallback(_owner_uid(path)),
            roots=self.s.config.agent.mount_roots,
            emit=self.queue.put,
            on_change=changed,
        )
        self.mounts.poll(announce=False)

    def _start_repos(self) -> None:
        self.repos = repos.RepoSource(
            host=self.s.host,
            attributor=self._attributor,
            emit=self.queue.put,
            state_path=self.s.state_dir / "repos.json",
            scan_commits=self.commits.submit if self.commits is not None else None,
        )
        for root in (*self.s.repos, *repos.discover(self.s.watch)):
            self.repos.add(root)
        log.info("watching %d repositories", len(self.repos.repositories))

    def _start_commits(self) -> None:
        if not self.s.config.agent.scan_commits:
            return
        writer = self.writer
        assert writer is not None
        self.commits = CommitScanner(
            config=self.s.config,
            directory=self.s.directory,
            host=self.s.host,
            store_findings=lambda findings, context: writer.add_findings(findings, context),
        )
        self.commits.start()

    def _stop_commits(self) -> None:
        if self.commits is not None:
            self.commits.stop()
            self.commits = None

    def _start_host(self) -> None:
        def set_enrich(enrich: Callable[[list[Event]], list[Event]] | None) -> None:
            if self.writer is not None:
                self.writer.enrich = enrich

        self.host = HostSources(
            self.s,
            attributor=self._attributor,
            emit=self.queue.put,
            record=lambda action, detail, count: self.record(action, "", detail, count),
            set_enrich=set_enrich,
        )
        try:
            self.host.start()
        except BaseException:
            self.host.stop()
            raise

    def _stop_host(self) -> None:
        if self.host is not None:
            self.host.stop()
            self.host = None

    def _start_forwarder(self) -> None:
        central = self.s.config.central
        if not central.url:
            return
        if not self.s.store_url.startswith("sqlite://"):
            log.warning("central.url is set but the local store is not SQLite; nothing to forward from")
            return
        self.forwarder = ForwardThread(
            local=Path(self.s.store_url.removeprefix("sqlite://")), settings=central, host=self.s.host
        )
        self.forwarder.start()

    def _stop_forwarder(self) -> None:
        if self.forwarder is not None:
            self.forwarder.stop()
            self.forwarder = None

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
            self._poll()
            self._heartbeat()
            if self.writer is not None and not self.writer.is_alive():
                # Not a SentinelError: exit 3, so systemd restarts the agent.
                raise RuntimeError(f"the writer stopped: {self.writer.error}")

    def _poll(self) -> None:
        for name, source in (("mounts", self.mounts), ("repositories", self.repos)):
            if source is None:
                continue
            try:
                source.poll()
            except Exception as exc:  # one bad poll must not end monitoring
                log.exception("%s poll failed", name)
                self.record("source-error", detail=f"{name}: {exc}")

    def _heartbeat(self) -> None:
        now = datetime.now(UTC)
        interval = self.s.config.agent.heartbeat
        elapsed = (now - self._last_heartbeat).total_seconds()
        if elapsed < interval:
            return
        if elapsed > max(3 * interval, interval + 2):
            # The loop was not scheduled (SIGSTOP, a suspended VM): events may be missing.
            self.queue.put_control(
                self.coverage_event(
                    "heartbeat-gap",
                    f"no heartbeat for {elapsed:.0f} s (expected every {interval:g} s)",
                    since=self._last_heartbeat.isoformat(),
                )
            )
        self._last_heartbeat = now
        self.record("heartbeat", detail=self._status())
        self._write_state(clean=False)
        self._notify.status(self._status())

    def _status(self) -> str:
        writer = self.writer
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
            self.record("reload", detail=f"refused: {exc}")
            self._notify.ready()
            return
        if fresh.store_url != self.s.store_url or fresh.state_dir != self.s.state_dir:
            log.warning("store and state_dir changes need a restart; keeping %s", self.s.store_url)
            fresh = dataclasses.replace(fresh, store_url=self.s.store_url, state_dir=self.s.state_dir)
        old = self.s
        self.s = fresh
        self._attributor = attribution.Attributor(fresh.directory, fresh.account)
        if self.files is not None:
            self.files.attributor = self._attributor
            self.files.set_ignore((*fresh.rules.ignore, *fresh.config.agent.ignore))
            for tree in set(old.watch) - set(fresh.watch):
                self.files.unwatch(tree)
            for tree in fresh.watch:
                self.files.watch(tree)
        if self.host is not None:
            self.host.set_attributor(self._attributor)
        if self.repos is not None:
            self.repos.attributor = self._attributor
            for root in (*fresh.repos, *repos.discover(fresh.watch)):
                self.repos.add(root)
        if self.writer is not None:
            self.writer.detectors = self._build_detectors(fresh)
        log.info("reloaded config (%s)", sender)
        self.record("reload", detail=sender)
        self._notify.ready()


def _owner_uid(path: str) -> int | None:
    try:
        return os.stat(path).st_uid
    except OSError:
        return None


def load_config(path: Path) -> Config:
    return config_module.load(path)
