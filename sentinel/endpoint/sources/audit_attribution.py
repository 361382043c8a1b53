"""Who touched a watched file: audit's file records applied to the file source's events.

The file source sees what happened to a path but not who did it; audit's
file-access records name the login uid (auid) of the process, which is set
at login and survives sudo/su. The audit reader remembers the account of each
path (and inode) those records name; the writer passes every batch through
`enrich` before it is stored, and a file event within ten seconds of audit's
record of the same file takes that account (`attributed_by: audit-auid`).
Its own module because it is the one part of audit the writer's thread calls.
"""

from __future__ import annotations

import collections
import dataclasses
import os
import threading
from datetime import datetime, timedelta

from sentinel.endpoint import attribution
from sentinel.model import Event

_ATTRIBUTION_TTL = timedelta(seconds=10)
_CACHE_SIZE = 200_000


def inode_key(dev: str, inode: str) -> str:
    """A cache key for audit's `dev=fd:01 inode=123` (hex major:minor)."""
    major, _, minor = dev.partition(":")
    try:
        return f"\0{int(major, 16)}:{int(minor, 16)}:{int(inode)}"
    except ValueError:
        return ""


def _inode_of(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "\0missing"
    return f"\0{os.major(st.st_dev)}:{os.minor(st.st_dev)}:{st.st_ino}"


class AccessCache:
    """The latest (time, account) audit saw for each path and inode; the oldest dropped past 200,000."""

    def __init__(self) -> None:
        self._cache: collections.OrderedDict[str, tuple[datetime, str]] = collections.OrderedDict()
        self._lock = threading.Lock()

    def remember(self, path: str, ts: datetime, account: str, inode: str) -> None:
        """Note an access to `path` (and to `inode` when it is not '')."""
        with self._lock:
            self._cache[path] = (ts, account)
            self._cache.move_to_end(path)
            if inode:
                self._cache[inode] = (ts, account)
                self._cache.move_to_end(inode)
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)

    def enrich(self, batch: list[Event]) -> list[Event]:
        """File events re-attributed to the auid audit saw touching the same path."""
        out = []
        with self._lock:
            for event in batch:
                if event.kind in ("file", "transfer") and event.attributed_by != attribution.AUDIT:
                    hit = self._cache.get(event.dest_path if event.action == "move" else event.path)
                    if hit is None and event.action == "move":
                        hit = self._cache.get(event.path)
                    if hit is None and event.action != "delete":
                        hit = self._cache.get(_inode_of(event.path))
                    if hit is not None and abs(hit[0] - event.ts) <= _ATTRIBUTION_TTL:
                        event = dataclasses.replace(event, account=hit[1], attributed_by=attribution.AUDIT)
                out.append(event)
        return out
