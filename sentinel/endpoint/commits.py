"""Scanning new commits in watched repositories, off the control loop.

The repos source reports (repository, old, new) when a branch moves; this
worker runs the same scan pipeline as CI (sentinel/repo/scan.py) over
old..new in its own thread, since Semgrep takes seconds, and hands the
findings to the writer, which stores them like CI findings.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sentinel.config import Config
from sentinel.errors import SentinelError
from sentinel.identities import Directory
from sentinel.model import Finding
from sentinel.store import ScanContext

log = logging.getLogger(__name__)


class CommitScanner:
    def __init__(
        self,
        *,
        config: Config,
        directory: Directory,
        host: str,
        store_findings: Callable[[Sequence[Finding], ScanContext], None],
    ) -> None:
        self._config = config
        self._directory = directory
        self._host = host
        self._store = store_findings
        self._jobs: queue.Queue[tuple[Path, str, str] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="sentinel-commits", daemon=True)
        self.scanned = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Finish the scan in progress; scans still queued are dropped (logged)."""
        pending = self._jobs.qsize()
        if pending:
            log.warning("%d commit scan(s) not run at stop; the next branch move rescans from there", pending)
        with self._jobs.mutex:
            self._jobs.queue.clear()
        self._jobs.put(None)
        self._thread.join(timeout=60)

    def submit(self, root: Path, old: str, new: str) -> None:
        self._jobs.put((root, old, new))

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            root, old, new = job
            try:
                self._scan(root, old, new)
            except SentinelError as exc:
                log.warning("commit scan of %s %s..%s failed: %s", root, old[:12], new[:12], exc)
            except Exception:  # a scan bug must not stop the agent
                log.exception("commit scan of %s crashed", root)

    def _scan(self, root: Path, old: str, new: str) -> None:
        from sentinel.repo import scan
        from sentinel.repo.git import open_repository

        repository = open_repository(root)
        report = scan.scan(
            repository,
            mode=scan.Mode.RANGE,
            config=self._config,
            directory=self._directory,
            head=new,
            before=old or None,
        )
        self.scanned += 1
        context = ScanContext(repository=str(root), base=old, head=new, host=self._host, ts=datetime.now(UTC))
        if report.findings:
            log.warning("%d finding(s) in new commits of %s", len(report.findings), root)
        self._store(report.findings, context)
