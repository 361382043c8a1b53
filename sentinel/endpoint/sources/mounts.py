"""Removable media and network mounts: where copied data leaves the host.

Polls /proc/self/mountinfo. A mount point under one of `agent.mount_roots`
(/media, /run/media, /mnt by default) or of a network filesystem type
anywhere is a destination: it is watched like a tree, and writes under it
become `transfer` events (the mass-copy-out detector's input). Appearing and
disappearing destinations are `mount` events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sentinel.model import Event

log = logging.getLogger(__name__)

NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "9p",
        "davfs",
        "fuse.davfs2",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mount:
    point: str
    fstype: str
    source: str


def _unescape(text: str) -> str:
    # mountinfo escapes space, tab, newline and backslash as octal (\040 ...).
    return text.encode("latin-1").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")


def parse(mountinfo: str) -> list[Mount]:
    mounts = []
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or len(tail) < 2:
            continue
        mounts.append(Mount(point=_unescape(fields[4]), fstype=tail[0], source=_unescape(tail[1])))
    return mounts


def destinations(mounts: Iterable[Mount], roots: Iterable[str]) -> dict[str, Mount]:
    prefixes = tuple(r.rstrip("/") + "/" for r in roots)
    return {
        m.point: m
        for m in mounts
        if m.point.startswith(prefixes) or m.fstype in NETWORK_TYPES or m.fstype.startswith("fuse.sshfs")
    }


class MountSource:
    def __init__(
        self,
        *,
        host: str,
        account: Callable[[str], tuple[str, str]],
        roots: Iterable[str],
        emit: Callable[[Event], object],
        on_change: Callable[[dict[str, Mount], dict[str, Mount]], None],
        read_mountinfo: Callable[[], str] = lambda: Path("/proc/self/mountinfo").read_text(),
    ) -> None:
        self.host = host
        self._account = account
        self._roots = tuple(roots)
        self._emit = emit
        self._on_change = on_change
        self._read = read_mountinfo
        self.current: dict[str, Mount] = {}

    def poll(self, *, announce: bool = True) -> None:
        try:
            found = destinations(parse(self._read()), self._roots)
        except OSError as exc:
            log.warning("cannot read mounts: %s", exc)
            return
        added = {p: m for p, m in found.items() if p not in self.current}
        removed = {p: m for p, m in self.current.items() if p not in found}
        if not added and not removed:
            return
        self.current = found
        self._on_change(added, removed)
        if not announce:
            return
        for action, changed in (("mounted", added), ("unmounted", removed)):
            for mount in changed.values():
                account, attributed_by = self._account(mount.point)
                self._emit(
                    Event(
                        ts=datetime.now(UTC),
                        host=self.host,
                        account=account,
                        kind="mount",
                        action=action,
                        path=mount.point,
                        detail=f"{mount.fstype} {mount.source}",
                        attributed_by=attributed_by,
                    )
                )
