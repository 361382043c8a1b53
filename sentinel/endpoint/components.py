"""What the agent runs, built from its Settings: the writer and its detectors, the sources, the forwarder.

Each part has a start and, where it holds a thread or a resource, a stop;
daemon.py lists them as its steps, in order. The parts are wired to each
other here (the file source tells the repository source about new clones, a
mount change re-targets the file watches, audit's enrichment goes into the
writer), and `reconfigure` applies a reloaded config to the running ones.
Kept out of daemon.py so that stays a list of steps and a control loop.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sentinel import detectors
from sentinel.detectors.base import Context, Detector
from sentinel.endpoint import attribution
from sentinel.endpoint.commits import CommitScanner
from sentinel.endpoint.coverage import Coverage
from sentinel.endpoint.forwarding import ForwardThread
from sentinel.endpoint.host_sources import HostSources
from sentinel.endpoint.queue import EventQueue
from sentinel.endpoint.settings import Settings
from sentinel.endpoint.sources import files, mounts, repos
from sentinel.endpoint.writer import Writer
from sentinel.errors import SentinelError
from sentinel.model import Event
from sentinel.store import open_store

log = logging.getLogger(__name__)


class Components:
    def __init__(self, settings: Settings, *, queue: EventQueue, coverage: Coverage) -> None:
        self.s = settings
        self.queue = queue
        self._coverage = coverage
        self.attributor = attribution.Attributor(settings.directory, settings.account)
        self.writer: Writer | None = None
        self.files: files.FileSource | None = None
        self.mounts: mounts.MountSource | None = None
        self.repos: repos.RepoSource | None = None
        self.commits: CommitScanner | None = None
        self.host: HostSources | None = None
        self.forwarder: ForwardThread | None = None

    # -- writer and detectors -------------------------------------------------------------

    def start_writer(self) -> None:
        agent = self.s.config.agent
        self.writer = Writer(
            queue=self.queue,
            open_store=lambda: open_store(self.s.store_url),
            detectors=build_detectors(self.s),
            batch_size=agent.batch_size,
            batch_interval=agent.batch_interval,
            spill_dir=self.s.state_dir,
            coverage=lambda action, detail, count: self._coverage.event(action, detail, count),
            retention=timedelta(days=agent.retention_days) if agent.retention_days else None,
            host=self.s.host,
        )
        self.writer.start()
        self.writer.ready.wait()
        if self.writer.error is not None:
            error = self.writer.error
            self.writer = None
            raise error if isinstance(error, SentinelError) else SentinelError(f"store: {error}")

    def stop_writer(self, reason: str) -> None:
        """Record agent-stop (`reason`) and let the writer flush everything queued."""
        if self.writer is None:
            return
        self._coverage.record("agent-stop", detail=reason)
        self.writer.stop()
        if self.writer.is_alive():  # pragma: no cover (store hung for two minutes)
            log.error("writer did not finish; %d event(s) still queued", len(self.queue))
        log.info(
            "stopped: %d event(s) persisted, %d alert(s), %d detector error(s)",
            self.writer.persisted,
            self.writer.alerts,
            self.writer.detector_errors,
        )

    # -- sources ----------------------------------------------------------------------------

    def start_files(self) -> None:
        self.files = files.FileSource(
            host=self.s.host,
            attributor=self.attributor,
            ignore=(*self.s.rules.ignore, *self.s.config.agent.ignore),
            emit=self.queue.put,
            coverage=lambda action, path, detail, count: self._coverage.record(action, path, detail, count),
            on_git_dir=lambda root: self.repos.cloned(root) if self.repos is not None else None,
        )
        self.files.start()
        if not self.s.watch:
            log.warning("agent.watch is empty: no file activity will be seen")
        for tree in self.s.watch:
            self.files.watch(tree)

    def stop_files(self) -> None:
        if self.files is not None:
            self.files.stop()

    def start_mounts(self) -> None:
        def changed(added: dict[str, mounts.Mount], removed: dict[str, mounts.Mount]) -> None:
            assert self.files is not None and self.mounts is not None
            for point in removed:
                self.files.unwatch(point)
            self.files.set_destinations(self.mounts.current)
            for point in added:
                self.files.watch(point)

        self.mounts = mounts.MountSource(
            host=self.s.host,
            account=lambda path: self.attributor.fallback(_owner_uid(path)),
            roots=self.s.config.agent.mount_roots,
            emit=self.queue.put,
            on_change=changed,
        )
        self.mounts.poll(announce=False)

    def start_repos(self) -> None:
        self.repos = repos.RepoSource(
            host=self.s.host,
            attributor=self.attributor,
            emit=self.queue.put,
            state_path=self.s.state_dir / "repos.json",
            scan_commits=self.commits.submit if self.commits is not None else None,
        )
        for root in (*self.s.repos, *repos.discover(self.s.watch)):
            self.repos.add(root)
        log.info("watching %d repositories", len(self.repos.repositories))

    def start_commits(self) -> None:
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

    def stop_commits(self) -> None:
        if self.commits is not None:
            self.commits.stop()
            self.commits = None

    def start_host(self) -> None:
        def set_enrich(enrich: Callable[[list[Event]], list[Event]] | None) -> None:
            if self.writer is not None:
                self.writer.enrich = enrich

        self.host = HostSources(
            self.s,
            attributor=self.attributor,
            emit=self.queue.put,
            record=lambda action, detail, count: self._coverage.record(action, "", detail, count),
            set_enrich=set_enrich,
        )
        try:
            self.host.start()
        except BaseException:
            self.host.stop()
            raise

    def stop_host(self) -> None:
        if self.host is not None:
            self.host.stop()
            self.host = None

    def poll(self) -> None:
        """Poll the sources that have no thread of their own (mounts, repositories)."""
        for name, source in (("mounts", self.mounts), ("repositories", self.repos)):
            if source is None:
                continue
            try:
                source.poll()
            except Exception as exc:  # one bad poll must not end monitoring
                log.exception("%s poll failed", name)
                self._coverage.record("source-error", detail=f"{name}: {exc}")

    # -- forwarding ---------------------------------------------------------------------------

    def start_forwarder(self) -> None:
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

    def stop_forwarder(self) -> None:
        if self.forwarder is not None:
            self.forwarder.stop()
            self.forwarder = None

    # -- reload -----------------------------------------------------------------------------

    def reconfigure(self, fresh: Settings) -> None:
        """Apply reloaded settings to the running parts (the store and state_dir are not changed)."""
        old = self.s
        self.s = fresh
        self.attributor = attribution.Attributor(fresh.directory, fresh.account)
        if self.files is not None:
            self.files.attributor = self.attributor
            self.files.set_ignore((*fresh.rules.ignore, *fresh.config.agent.ignore))
            for tree in set(old.watch) - set(fresh.watch):
                self.files.unwatch(tree)
            for tree in fresh.watch:
                self.files.watch(tree)
        if self.host is not None:
            self.host.set_attributor(self.attributor)
        if self.repos is not None:
            self.repos.attributor = self.attributor
            for root in (*fresh.repos, *repos.discover(fresh.watch)):
                self.repos.add(root)
        if self.writer is not None:
            self.writer.detectors = build_detectors(fresh)


def build_detectors(s: Settings) -> tuple[Detector, ...]:
    return detectors.build(
        Context(rules=s.rules, directory=s.directory, weights=s.config.weights, watched=s.watch)
    )


def _owner_uid(path: str) -> int | None:
    try:
        return os.stat(path).st_uid
    except OSError:
        return None
