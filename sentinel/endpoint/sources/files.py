"""File activity in the watched trees, from inotify through watchdog.

Reads are recorded when a file is closed without writing (one event per
read; a file held open is seen when it is closed), writes when it is closed
after writing, plus creates, moves and deletes, each with the file's size.
Watches are recursive and follow new subdirectories. Paths matching the
ignore globs are dropped before anything else is done with them.

A kernel inotify queue overflow is not an event watchdog hands to handlers;
it logs it, so a logging handler turns that log record into an
`inotify-overflow` coverage event.

Limits (measured by bench/agent.py):
- a directory created and filled at once (`cp -r`) is watched a moment after
  it appears; watchdog reports the files it finds then as creates, but their
  close-after-write never comes (about 4 % of the writes of a 20,000-file
  `cp -r` on a loaded 2-core machine). rescan.py lists each new directory
  once its watch is in place and rebuilds those writes, marked
  "reconstructed:" in the event's detail, with a `watch-race` coverage
  event; duplicate creates from the same race are dropped. Reads in that
  moment cannot be rebuilt (see rescan.py). Reads of existing trees are not
  affected.
- watchdog collapses identical consecutive events (a file read twice in a
  row is one read); distinct-file counts are unaffected.
- time, size and owner are taken when the event is handled, not when it
  happened; a file already deleted by then has size 0 and no owner.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch
from watchdog.observers.inotify import InotifyObserver

from sentinel.detectors.activity import glob_matcher
from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources.rescan import NewDirRescan
from sentinel.model import Event

log = logging.getLogger(__name__)

_ACTIONS: dict[str, str] = {
    "closed_no_write": "read",
    "closed": "write",
    "created": "create",
    "moved": "move",
    "deleted": "delete",
}
_FILTER = [
    FileClosedNoWriteEvent,
    FileClosedEvent,
    FileCreatedEvent,
    DirCreatedEvent,
    FileMovedEvent,
    DirMovedEvent,
    FileDeletedEvent,
    DirDeletedEvent,
]
_OVERFLOW_LOGGER = "watchdog.observers.inotify_c"


def compile_globs(globs: Iterable[str]) -> Callable[[str], bool]:
    """One matcher for all ignore globs (fnmatch semantics, `*` crosses `/`)."""
    return glob_matcher(globs)  # type: ignore[return-value]


class _Handler(FileSystemEventHandler):
    def __init__(self, source: FileSource) -> None:
        self._source = source

    def on_any_event(self, event: FileSystemEvent) -> None:
        try:
            self._source.handle(event)
        except Exception:  # never let one odd event kill the observer thread
            log.exception("file event %r could not be handled", event)
            self._source.errors += 1


class _OverflowLog(logging.Handler):
    def __init__(self, on_overflow: Callable[[], None]) -> None:
        super().__init__(logging.WARNING)
        self._on_overflow = on_overflow

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in str(record.msg).lower():
            self._on_overflow()


class FileSource:
    """Watches trees; `emit` receives every event (the queue's put)."""

    def __init__(
        self,
        *,
        host: str,
        attributor: Attributor,
        ignore: Iterable[str],
        emit: Callable[[Event], object],
        coverage: Callable[[str, str, str, int], None],
        on_git_dir: Callable[[str], None] | None = None,
    ) -> None:
        self.host = host
        self.attributor = attributor
        self._ignored = compile_globs(ignore)
        self._emit = emit
        self._coverage = coverage
        self._on_git_dir = on_git_dir
        self._observer: InotifyObserver | None = None
        self._watches: dict[str, ObservedWatch] = {}
        # Mount points written to as transfer destinations, longest first.
        self._destinations: tuple[str, ...] = ()
        self._lock = threading.Lock()
        self._overflow_log = _OverflowLog(lambda: self._coverage("inotify-overflow", "", "", 1))
        self._rescan = NewDirRescan(
            emit_write=self._reconstructed_write,
            coverage=coverage,
            ignored=self._ignored,
            backlog=self._backlog,
        )
        self.errors = 0

    def start(self) -> None:
        self._observer = InotifyObserver()
        self._observer.start()
        self._rescan.start()
        logging.getLogger(_OVERFLOW_LOGGER).addHandler(self._overflow_log)

    def stop(self) -> None:
        logging.getLogger(_OVERFLOW_LOGGER).removeHandler(self._overflow_log)
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=10)
            self._observer = None
        self._rescan.stop()  # after the observer: no new candidates; pending ones are emitted
        self._watches.clear()

    def _backlog(self) -> bool:
        """Events read from inotify but not handled yet."""
        observer = self._observer
        return observer is not None and not observer.event_queue.empty()

    def set_ignore(self, globs: Iterable[str]) -> None:
        self._ignored = self._rescan.ignored = compile_globs(globs)

    @property
    def watched(self) -> tuple[str, ...]:
        return tuple(self._watches)

    def watch(self, path: str) -> bool:
        """Start watching `path` recursively; a failure is a `watch-error` coverage event."""
        assert self._observer is not None, "start() first"
        with self._lock:
            if path in self._watches:
                return True
            try:
                if not os.path.isdir(path):
                    raise NotADirectoryError(f"not a directory: {path}")
                os.listdir(path)  # inotify accepts unreadable dirs; we could not see inside
                handle = self._observer.schedule(_Handler(self), path, recursive=True, event_filter=_FILTER)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                log.warning("cannot watch %s: %s", path, reason)
                self._coverage("watch-error", path, reason, 0)
                return False
            self._watches[path] = handle
            return True

    def unwatch(self, path: str) -> None:
        with self._lock:
            handle = self._watches.pop(path, None)
            if handle is not None and self._observer is not None:
                # The tree may already be gone (unmounted).
                with contextlib.suppress(KeyError, OSError):
                    self._observer.unschedule(handle)

    def set_destinations(self, mounts: Iterable[str]) -> None:
        self._destinations = tuple(sorted((m.rstrip("/") + "/" for m in mounts), key=len, reverse=True))

    def handle(self, event: FileSystemEvent) -> None:
        action = _ACTIONS.get(event.event_type)
        if action is None:
            return
        path = os.fsdecode(event.src_path)
        dest = os.fsdecode(event.dest_path) if event.dest_path else ""
        if self._ignored(path) and (not dest or self._ignored(dest)):
            return
        rescan = self._rescan
        if event.is_directory:
            if action == "create":
                # Clones: the repository source takes over. Every new directory: its
                # files written before its watch existed are rebuilt (rescan.py).
                if path.endswith("/.git") and self._on_git_dir is not None:
                    self._on_git_dir(path[: -len("/.git")])
                rescan.directory_created(path)
            elif action in ("delete", "move"):
                rescan.gone(path, directory=True)
            if action != "move":
                return
        elif action == "create" and not rescan.first_create(path):
            return  # watchdog's walk of a new directory and the kernel both reported it
        elif action in ("delete", "move"):
            rescan.gone(path)
        size, owner, mtime_ns = 0, None, 0
        if action != "delete":
            try:
                info = os.stat(dest or path)
                size, owner, mtime_ns = info.st_size, info.st_uid, info.st_mtime_ns
            except OSError:  # gone already (temporary files): keep the event without a size
                pass
        if action == "write" and not rescan.written(path, size, mtime_ns):
            return  # the same write was already reconstructed by the rescan
        self._emit_event(action, path, dest, size, owner)

    def _reconstructed_write(self, path: str, size: int, owner: int | None, detail: str) -> None:
        if not self._ignored(path):
            self._emit_event("write", path, "", size, owner, detail)

    def _emit_event(
        self, action: str, path: str, dest: str, size: int, owner: int | None, detail: str = ""
    ) -> None:
        account, attributed_by = self.attributor.fallback(owner)
        kind, mount = "file", ""
        target = dest or path
        for destination in self._destinations:
            if target.startswith(destination):
                kind, mount = "transfer", destination.rstrip("/")
                break
        self._emit(
            Event(
                ts=datetime.now(UTC),
                host=self.host,
                account=account,
                kind=kind,
                action=action,
                path=path,
                dest_path=dest or mount,
                bytes=size,
                attributed_by=attributed_by,
                detail=detail,
            )
        )


def expand(patterns: Iterable[str]) -> tuple[str, ...]:
    """Watch entries as absolute directories; globs expand to the directories they match."""
    import glob

    found: list[str] = []
    for pattern in patterns:
        pattern = os.path.expanduser(pattern)
        matches = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        for match in matches:
            resolved = str(Path(match).resolve())
            if resolved not in found:
                found.append(resolved)
    return tuple(found)
