"""The file source in-process against a real tree (inotify through watchdog)."""

from __future__ import annotations

import errno
import fnmatch
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from watchdog.observers.inotify import InotifyWatchGroup
from watchdog.observers.inotify_c import InotifyFD

from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources.files import FileSource, compile_globs, expand
from sentinel.endpoint.sources.rescan import RECONSTRUCTED
from sentinel.identities import Directory
from sentinel.model import Account, Event

pytestmark = pytest.mark.inotify


@pytest.fixture
def source(tmp_path: Path) -> Iterator[tuple[FileSource, list[Event], list[tuple[str, str, str, int]]]]:
    events: list[Event] = []
    coverage: list[tuple[str, str, str, int]] = []
    directory = Directory.of([Account(id="dana", usernames=("root",))])
    files = FileSource(
        host="h",
        attributor=Attributor(directory, ""),
        ignore=("*/cache/*",),
        emit=events.append,
        coverage=lambda *args: coverage.append(args),
    )
    files.start()
    yield files, events, coverage
    files.stop()


def _wait(predicate: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not predicate():
        time.sleep(0.02)
    assert predicate()


def test_reads_writes_moves_deletes_with_sizes_and_owner(tmp_path: Path, source: tuple) -> None:  # type: ignore[type-arg]
    files, events, _ = source
    tree = tmp_path / "tree"
    (tree / "cache").mkdir(parents=True)
    assert files.watch(str(tree))
    data = tree / "new" / "deep" / "a.txt"
    data.parent.mkdir(parents=True)
    time.sleep(0.2)  # a brand-new directory gets its watch asynchronously
    # Size and owner are read when the event is handled: step by step, so the file is still there.
    data.write_text("12345")
    _wait(lambda: any(e.action == "write" for e in events))
    data.read_text()
    (tree / "cache" / "junk").write_text("x")
    _wait(lambda: any(e.action == "read" for e in events))
    data.rename(tree / "b.txt")
    _wait(lambda: any(e.action == "move" for e in events))
    (tree / "b.txt").unlink()
    _wait(lambda: any(e.action == "delete" for e in events))
    seen = [
        (e.action, e.path.removeprefix(str(tree)), e.dest_path.removeprefix(str(tree)), e.bytes)
        for e in events
    ]
    assert ("write", "/new/deep/a.txt", "", 5) in seen
    assert ("read", "/new/deep/a.txt", "", 5) in seen
    assert ("move", "/new/deep/a.txt", "/b.txt", 5) in seen
    assert ("delete", "/b.txt", "", 0) in seen
    assert not [e for e in events if "/cache/" in e.path]
    assert {(e.account, e.attributed_by) for e in events if e.action != "delete"} == {("dana", "path-owner")}


def test_unwatchable_paths_become_coverage(tmp_path: Path, source: tuple) -> None:  # type: ignore[type-arg]
    files, _, coverage = source
    assert not files.watch(str(tmp_path / "missing"))
    assert coverage[0][0] == "watch-error" and coverage[0][1] == str(tmp_path / "missing")


def test_writes_under_a_destination_are_transfers(tmp_path: Path, source: tuple) -> None:  # type: ignore[type-arg]
    files, events, _ = source
    usb = tmp_path / "usb"
    usb.mkdir()
    files.watch(str(usb))
    files.set_destinations([str(usb)])
    (usb / "copy.txt").write_text("abc")
    _wait(lambda: any(e.action == "write" for e in events))
    (write,) = [e for e in events if e.action == "write"]
    assert (write.kind, write.dest_path) == ("transfer", str(usb))


def test_kernel_overflow_reported_by_watchdog_becomes_coverage(source: tuple) -> None:  # type: ignore[type-arg]
    _, _, coverage = source
    # watchdog reports IN_Q_OVERFLOW only through this log record (inotify_c.py).
    logging.getLogger("watchdog.observers.inotify_c").warning(
        "Inotify queue overflowed; filesystem events were lost"
    )
    assert coverage == [("inotify-overflow", "", "", 1)]


def test_globs() -> None:
    ignored = compile_globs(["*/.git/*", "*.swp"])
    assert ignored("/src/app/.git/objects/ab/cd")
    assert ignored("/src/app/.main.py.swp")
    assert not ignored("/src/app/main.py")
    assert not compile_globs([])("/x")


def test_expand_globs_to_directories(tmp_path: Path) -> None:
    for name in ("a1", "a2", "b"):
        (tmp_path / name).mkdir()
    assert expand([str(tmp_path / "a*"), str(tmp_path / "b")]) == tuple(
        str(tmp_path / n) for n in ("a1", "a2", "b")
    )


def _hold_watch_on(name: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Hold watchdog's emitter just before it watches a new directory called `name`, so the
    race `cp -r` hits by chance happens every time: files created and closed unwatched.
    Returns (entered, gate): wait for `entered`, write the files, then set `gate`."""
    entered, gate = threading.Event(), threading.Event()
    add_all = InotifyWatchGroup._add_all_callbacks

    def late_watch(self: InotifyWatchGroup, path: bytes) -> None:
        if path.endswith(b"/" + name):
            entered.set()
            gate.wait(10)
        add_all(self, path)

    monkeypatch.setattr(InotifyWatchGroup, "_add_all_callbacks", late_watch)
    return entered, gate


def test_writes_finished_before_a_new_directory_is_watched_are_rebuilt(
    tmp_path: Path,
    source: tuple,  # type: ignore[type-arg]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files, events, coverage = source
    tree = tmp_path / "tree"
    tree.mkdir()
    assert files.watch(str(tree))
    entered, gate = _hold_watch_on(b"new", monkeypatch)
    new = tree / "new"
    new.mkdir()
    assert entered.wait(10)
    early = [new / f"early{i}.dat" for i in range(5)]
    for i, path in enumerate(early):
        path.write_bytes(b"x" * i)
    gate.set()
    _wait(lambda: sum(e.action == "create" for e in events) == len(early))  # watchdog's walk: watched now
    (new / "late.dat").write_bytes(b"late")
    _wait(lambda: sum(e.action == "write" for e in events) == len(early) + 1)
    files.stop()  # anything still pending is flushed; no more events after this
    writes = {e.path: e for e in events if e.action == "write"}
    assert len(writes) == sum(e.action == "write" for e in events) == 6
    assert {p: (w.bytes, w.detail) for p, w in writes.items() if w.detail} == {
        str(path): (i, RECONSTRUCTED) for i, path in enumerate(early)
    }
    assert writes[str(new / "late.dat")].detail == ""
    creates = [e.path for e in events if e.action == "create"]
    assert sorted(creates) == sorted({*map(str, early), str(new / "late.dat")})
    assert [(c[0], c[1], c[3]) for c in coverage] == [("watch-race", str(new), 5)]


GLOBS = ["*/.git/*", "*.swp", "/srv/*/cache/*", "*/Dropbox (*)/*", "*/[bd]uild/*", "*/x[/*", "*", "a?c"]
PATHS = ["/r/.git/HEAD", "/r/.git", "/r/a.swp", "/r/a.swpx", "/srv/app/cache/1", "/other/srv/app/cache/1",
         "/h/Dropbox (Corp)/f", "/h/Dropbox/f", "/r/build/o", "/r/duild/o", "/r/guild/o", "/r/x[/y",
         "abc", "a/c"]  # fmt: skip


@pytest.mark.parametrize("glob", GLOBS)
def test_glob_matcher_agrees_with_fnmatch(glob: str) -> None:
    # The fast matcher (literal prefilter, searched tails) must keep fnmatch's answers.
    matcher = compile_globs([glob])
    assert [bool(matcher(p)) for p in PATHS] == [fnmatch.fnmatchcase(p, glob) for p in PATHS]
    several = compile_globs([glob, "*/node_modules/*"])
    assert [bool(several(p)) for p in PATHS] == [fnmatch.fnmatchcase(p, glob) for p in PATHS]


def test_a_new_directory_watchdog_could_not_watch_is_a_coverage_event(
    tmp_path: Path,
    source: tuple,  # type: ignore[type-arg]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files, events, coverage = source
    tree = tmp_path / "tree"
    tree.mkdir()
    assert files.watch(str(tree))
    add_callback = InotifyFD.add_callback

    def limited(self: InotifyFD, path: bytes, *args: Any) -> Any:
        # What the kernel answers past fs.inotify.max_user_watches; watchdog swallows it.
        if path.endswith(b"/full"):
            raise OSError(errno.ENOSPC, "inotify watch limit reached")
        return add_callback(self, path, *args)

    monkeypatch.setattr(InotifyFD, "add_callback", limited)
    # The file is there before the (failing) watch, as in cp -r.
    entered, gate = _hold_watch_on(b"full", monkeypatch)
    full = tree / "full"
    full.mkdir()
    assert entered.wait(10)
    (full / "a.dat").write_bytes(b"abc")
    gate.set()
    _wait(lambda: any(c[0] == "watch-error" for c in coverage))
    ((_, where, detail, count),) = [c for c in coverage if c[0] == "watch-error"]
    assert (where, count) == (str(full), 1)
    assert "not watched" in detail
    writes = [(e.path, e.bytes, e.detail) for e in events if e.action == "write"]
    assert writes == [(str(full / "a.dat"), 3, RECONSTRUCTED)]
