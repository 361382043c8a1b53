"""Writes that finished in a new directory before its watch existed, rebuilt from a rescan.

The race: inotify sees inside a directory only once it has a watch, and
watchdog adds the watch on a new directory when it reads the directory's
IN_CREATE, a moment after the directory appeared. A file created *and*
closed in that moment (`cp -r`, `tar x`, `git clone` do this all the time)
never produces a close-after-write. watchdog then walks the new directory
and reports every file it finds as created, so creates are complete (one may
come twice: the walk's and the kernel's own, when a file appeared just after
the watch); writes are not.

What this module does, per new directory, once its watch is in place (the
directory's created event is dispatched only after watchdog added it, and
every real event from inside it is dispatched after that):
- lists its files once (names only, no stat): each regular file is a
  candidate;
- a candidate whose real close-after-write arrives is dropped (the real
  event wins; most do, within moments);
- a candidate still waiting after `settle` seconds (ten times that while
  watchdog's dispatcher is behind: its real write may still be queued), whose
  mtime is at least `settle` seconds old, is emitted as a write whose detail
  starts with "reconstructed:", with its size and owner at that time, and a
  `watch-race` coverage event counts them; one still changing waits on;
- a real write arriving late for a file already reconstructed, with the same
  size and mtime, is the same write and is dropped; so is a second create
  of a path with no delete or move in between.

What cannot be recovered, and is not pretended: reads (close without write)
in the new directory before its watch (atime is unreliable: relatime,
noatime); several writes to one file before the watch (one write is
reconstructed); the exact time (the event's time is the rescan's, not the
write's: `cp -p` keeps old mtimes); the size of a file deleted between the
listing and the rebuild; a file created and deleted before the listing. The
audit source does not close this gap: its file records only attribute the
file source's events (sources/audit.py), they are not events of their own.

Files whose inode has not changed for `recent` seconds (a directory moved in
from outside the watched trees) are not candidates: nothing was written.

Above the inotify watch limit (fs.inotify.max_user_watches, per user)
watchdog cannot watch a new directory and says nothing. A watched new
directory gets a create for every file listed in it; a rebuilt candidate
that got none shows its directory is not watched, which becomes a
`watch-error` coverage event. A new directory still empty when listed gives
no such sign: that case is not detected.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

RECONSTRUCTED = "reconstructed: written before the watch on its new directory existed (found by a rescan)"


@dataclass(slots=True)
class _Candidate:
    since: float  # monotonic time it was listed, or last seen still being written


class NewDirRescan:
    """Candidates from new directories; `flush` (a thread) emits the settled ones."""

    def __init__(
        self,
        *,
        emit_write: Callable[[str, int, int | None, str], None],
        coverage: Callable[[str, str, str, int], None],
        ignored: Callable[[str], bool],
        backlog: Callable[[], bool] = lambda: False,
        settle: float = 1.0,
        recent: float = 300.0,
        remember: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
        wall_ns: Callable[[], int] = time.time_ns,
        stat_path: Callable[[str], os.stat_result] = os.lstat,
    ) -> None:
        self._emit_write = emit_write
        self._coverage = coverage
        self.ignored = ignored
        self._backlog = backlog
        self._settle = settle
        self._settle_ns = int(settle * 1e9)
        self._recent_ns = int(recent * 1e9)
        self._remember = remember
        self._clock = clock
        self._wall_ns = wall_ns
        self._stat = stat_path
        self._lock = threading.Lock()
        self._pending: dict[str, _Candidate] = {}
        # path -> (size, mtime_ns, when) of writes already reconstructed. These three
        # tables are filled in time order, so expiry pops from the front.
        self._done: dict[str, tuple[int, int, float]] = {}
        self._created: dict[str, float] = {}  # creates seen in new directories
        self._scanned: dict[str, float] = {}  # new directories already listed
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.reconstructed = 0

    # -- the thread that emits settled candidates ---------------------------------------

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sentinel-rescan", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread; candidates still pending are emitted (better early than lost)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self.flush(final=True)

    def _run(self) -> None:
        while not self._stop.wait(self._settle / 2):
            try:
                self.flush()
            except Exception:  # pragma: no cover (a bug; never end the rescans)
                log.exception("new-directory rescan failed")

    # -- called from the file source, in event order --------------------------------------

    def directory_created(self, directory: str) -> None:
        """List a new directory's files (its watch is in place) as candidates."""
        now = self._clock()
        with self._lock:
            if directory in self._scanned:
                return
            self._scanned[directory] = now
        try:
            with os.scandir(directory) as entries:
                # No stat here (the type comes with the listing): most candidates get
                # their real write within moments; only the others are looked at.
                found = [e.path for e in entries if e.is_file(follow_symlinks=False)]
        except OSError:  # gone again, or unreadable: nothing to list
            return
        with self._lock:
            for path in found:
                if path not in self._done and not self.ignored(path):
                    self._pending.setdefault(path, _Candidate(now))

    def first_create(self, path: str) -> bool:
        """False for a second create of `path` with no delete or move in between."""
        directory = os.path.dirname(path)
        with self._lock:
            if directory not in self._scanned:
                return True
            if path in self._created:
                return False
            self._created[path] = self._clock()
            return True

    def written(self, path: str, size: int, mtime_ns: int) -> bool:
        """A real close-after-write; False when it repeats a write already reconstructed."""
        with self._lock:
            if self._pending.pop(path, None) is not None:
                return True
            done = self._done.get(path)
            return done is None or done[:2] != (size, mtime_ns)

    def gone(self, path: str, *, directory: bool = False) -> None:
        """`path` was deleted or moved away: a later create of it is a new one."""
        with self._lock:
            self._created.pop(path, None)
            if directory:
                self._scanned.pop(path, None)

    # -- emitting -------------------------------------------------------------------------

    def flush(self, *, final: bool = False) -> int:
        """Emit the candidates that settled (all of them when `final`); returns how many."""
        now = self._clock()
        # While the dispatcher is behind, real writes for the candidates may still be queued.
        wait = self._settle if final or not self._backlog() else 10 * self._settle
        with self._lock:
            due = [(p, c) for p, c in self._pending.items() if final or now - c.since >= wait]
        wall = self._wall_ns()
        emitted: list[str] = []
        unwatched: list[str] = []  # no create came for them: their directory has no watch
        for path, candidate in due:
            try:
                info: os.stat_result | None = self._stat(path)
            except OSError:  # deleted since: the write it had still happened
                info = None
            with self._lock:
                if self._pending.get(path) is not candidate:
                    continue  # its real write arrived meanwhile
                if info is not None and (
                    not stat.S_ISREG(info.st_mode) or info.st_ctime_ns < wall - self._recent_ns
                ):
                    del self._pending[path]  # not written lately: moved in, not copied
                    continue
                if info is not None and not final and wall - info.st_mtime_ns < self._settle_ns:
                    candidate.since = now  # still being written: its own close-after-write will come
                    continue
                del self._pending[path]
                size, mtime_ns = (info.st_size, info.st_mtime_ns) if info is not None else (0, -1)
                self._done[path] = (size, mtime_ns, now)
                if not final and path not in self._created:
                    unwatched.append(path)
            if info is None:
                self._emit_write(path, 0, None, f"{RECONSTRUCTED}; deleted before it: size unknown")
            else:
                self._emit_write(path, size, info.st_uid, RECONSTRUCTED)
            emitted.append(path)
        self._expire(now)
        if emitted:
            self.reconstructed += len(emitted)
            directories = {os.path.dirname(p) for p in emitted}
            where = os.path.commonpath(directories) if len(directories) > 1 else directories.pop()
            self._coverage(
                "watch-race",
                where,
                f"{len(emitted)} write(s) finished in new directories before their watch existed: "
                "reconstructed from a rescan; reads there before the watch cannot be recovered",
                len(emitted),
            )
        if unwatched:
            self._report_unwatched(unwatched)
        return len(emitted)

    def _report_unwatched(self, paths: list[str]) -> None:
        # A watched new directory gets a create for every file listed in it (watchdog's
        # walk, or the kernel's own for files made after the watch). None at all: watchdog
        # could not watch it and said nothing (it swallows ENOSPC below the root).
        directories = sorted({os.path.dirname(p) for p in paths})
        where = os.path.commonpath(directories) if len(directories) > 1 else directories[0]
        log.warning("%d new director(ies) under %s are not watched", len(directories), where)
        self._coverage(
            "watch-error",
            where,
            f"{len(directories)} new director(ies) not watched (inotify watch limit? "
            f"fs.inotify.max_user_watches is {_watch_limit()}): the {len(paths)} file(s) found there "
            "were rebuilt as writes once; later activity there is not seen",
            len(paths),
        )

    def _expire(self, now: float) -> None:
        horizon = now - self._remember
        with self._lock:
            for table in (self._created, self._scanned):
                while table and next(iter(table.values())) < horizon:
                    del table[next(iter(table))]
            while self._done and next(iter(self._done.values()))[2] < horizon:
                del self._done[next(iter(self._done))]

    def __len__(self) -> int:
        return len(self._pending)


def _watch_limit() -> str:
    try:
        with open("/proc/sys/fs/inotify/max_user_watches") as handle:
            return handle.read().strip()
    except OSError:
        return "unknown"
