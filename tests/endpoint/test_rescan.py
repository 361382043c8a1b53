"""The new-directory rescan on its own: real files, a fake clock, no inotify."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sentinel.endpoint.sources.rescan import RECONSTRUCTED, NewDirRescan


class Clock:
    """Monotonic time the test moves; wall time moves with it (files' times are real)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._wall0 = time.time_ns()

    def __call__(self) -> float:
        return self.now

    def wall_ns(self) -> int:
        return self._wall0 + int((self.now - 1000.0) * 1e9)


class Recorder:
    def __init__(self) -> None:
        self.writes: list[tuple[str, int, int | None, str]] = []
        self.coverage: list[tuple[str, str, str, int]] = []

    def write(self, path: str, size: int, owner: int | None, detail: str) -> None:
        self.writes.append((path, size, owner, detail))

    def cover(self, action: str, path: str, detail: str, count: int) -> None:
        self.coverage.append((action, path, detail, count))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def seen() -> Recorder:
    return Recorder()


def _rescan(clock: Clock, seen: Recorder, **kwargs: object) -> NewDirRescan:
    settings: dict[str, object] = {"settle": 1.0, "clock": clock, "wall_ns": clock.wall_ns, **kwargs}
    return NewDirRescan(
        emit_write=seen.write,
        coverage=seen.cover,
        ignored=lambda path: path.endswith(".swp"),
        **settings,  # type: ignore[arg-type]
    )


def _watched(rescan: NewDirRescan, directory: Path) -> None:
    """A new directory as watchdog reports a watched one: created, then a create per file in it."""
    rescan.directory_created(str(directory))
    for path in sorted(directory.iterdir()):
        if path.is_file() and not path.is_symlink():
            rescan.first_create(str(path))


def _tree(base: Path, names: dict[str, bytes]) -> Path:
    base.mkdir(parents=True, exist_ok=True)
    for name, data in names.items():
        (base / name).write_bytes(data)
    return base


def test_settled_files_become_one_reconstructed_write_each(
    tmp_path: Path, clock: Clock, seen: Recorder
) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"12345", "b.dat": b"", "c.swp": b"x"})
    (new / "sub").mkdir()
    (new / "link").symlink_to(new / "a.dat")
    rescan = _rescan(clock, seen)
    _watched(rescan, new)
    assert rescan.flush() == 0  # not settled yet
    clock.now += 1.5
    assert rescan.flush() == 2
    uid = os.getuid()
    assert sorted(seen.writes) == [
        (str(new / "a.dat"), 5, uid, RECONSTRUCTED),
        (str(new / "b.dat"), 0, uid, RECONSTRUCTED),
    ]
    assert seen.writes[0][3].startswith("reconstructed:")
    ((action, where, detail, count),) = seen.coverage
    assert (action, where, count) == ("watch-race", str(new), 2)
    assert "reads there before the watch cannot be recovered" in detail
    clock.now += 5
    assert rescan.flush() == 0 and len(seen.writes) == 2


def test_a_real_write_wins_over_the_rescan(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"1", "b.dat": b"2"})
    rescan = _rescan(clock, seen)
    _watched(rescan, new)
    info = os.stat(new / "a.dat")
    assert rescan.written(str(new / "a.dat"), info.st_size, info.st_mtime_ns)
    clock.now += 2
    rescan.flush()
    assert [w[0] for w in seen.writes] == [str(new / "b.dat")]


def test_a_late_real_write_of_the_same_content_is_not_a_second_write(
    tmp_path: Path, clock: Clock, seen: Recorder
) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"1"})
    path = new / "a.dat"
    rescan = _rescan(clock, seen)
    _watched(rescan, new)
    clock.now += 2
    assert rescan.flush() == 1
    info = os.stat(path)
    assert not rescan.written(str(path), info.st_size, info.st_mtime_ns)  # the close of that same write
    path.write_bytes(b"longer now")
    info = os.stat(path)
    assert rescan.written(str(path), info.st_size, info.st_mtime_ns)  # a new write


def test_a_file_still_growing_waits_until_it_settles(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    new = _tree(tmp_path / "new", {"big.dat": b"x"})
    path = new / "big.dat"
    rescan = _rescan(clock, seen)
    _watched(rescan, new)
    clock.now += 1
    with open(path, "ab") as handle:
        handle.write(b"more")
    os.utime(path, ns=(clock.wall_ns(), clock.wall_ns()))  # written just now
    assert rescan.flush() == 0  # still being written: its own close-after-write may come
    clock.now += 0.5
    assert rescan.flush() == 0
    clock.now += 0.5
    assert rescan.flush() == 1
    assert seen.writes[0][:2] == (str(path), 5)


def test_files_not_changed_recently_are_not_candidates(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    # A directory moved in from outside: its files were written long ago, not now.
    new = _tree(tmp_path / "moved-in", {"old.dat": b"1"})
    rescan = _rescan(clock, seen, recent=300.0)
    _watched(rescan, new)
    clock.now += 400
    assert rescan.flush() == 0 and seen.coverage == [] and len(rescan) == 0


def test_while_events_are_still_queued_the_rescan_waits_longer(
    tmp_path: Path, clock: Clock, seen: Recorder
) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"1"})
    behind = [True]
    rescan = _rescan(clock, seen, backlog=lambda: behind[0])
    _watched(rescan, new)
    clock.now += 2
    assert rescan.flush() == 0  # its real write may be among the queued events
    behind[0] = False
    assert rescan.flush() == 1


def test_a_dispatcher_that_never_catches_up_delays_the_rescan_but_loses_nothing(
    tmp_path: Path, clock: Clock, seen: Recorder
) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"1"})
    rescan = _rescan(clock, seen, backlog=lambda: True)
    _watched(rescan, new)
    rescan.directory_created(str(tmp_path / "gone"))  # vanished already: nothing listed, no error
    clock.now += 9
    assert rescan.flush() == 0
    clock.now += 1
    assert rescan.flush() == 1


def test_a_directory_listed_twice_gives_one_candidate_per_file(
    tmp_path: Path, clock: Clock, seen: Recorder
) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"1"})
    rescan = _rescan(clock, seen)
    _watched(rescan, new)
    rescan.directory_created(str(new))  # watchdog's walk and the kernel both report it
    assert len(rescan) == 1
    clock.now += 2
    rescan.flush()
    rescan.directory_created(str(new))  # already listed: the reconstructed write is not repeated
    clock.now += 2
    assert rescan.flush() == 0


def test_second_create_without_a_delete_is_a_duplicate(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    new = _tree(tmp_path / "new", {})
    rescan = _rescan(clock, seen)
    path = str(new / "a.dat")
    assert rescan.first_create(str(tmp_path / "old-dir-file"))  # not in a new directory: untracked
    assert rescan.first_create(str(tmp_path / "old-dir-file"))
    _watched(rescan, new)
    assert rescan.first_create(path)
    assert not rescan.first_create(path)
    rescan.gone(path)
    assert rescan.first_create(path)  # deleted and made again: a new create


def test_a_deleted_candidate_still_had_its_write(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    new = _tree(tmp_path / "new", {"tmp.dat": b"abc"})
    rescan = _rescan(clock, seen)
    _watched(rescan, new)
    (new / "tmp.dat").unlink()
    clock.now += 2
    assert rescan.flush() == 1
    ((path, size, owner, detail),) = seen.writes
    assert (path, size, owner) == (str(new / "tmp.dat"), 0, None)
    assert detail.startswith(RECONSTRUCTED) and "size unknown" in detail


def test_stop_emits_what_is_still_pending(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"1"})
    rescan = _rescan(clock, seen)
    rescan.start()
    _watched(rescan, new)
    rescan.stop()  # the fake clock never advanced: nothing settled, yet nothing is lost
    assert [w[0] for w in seen.writes] == [str(new / "a.dat")]


def test_old_bookkeeping_expires(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    new = _tree(tmp_path / "new", {"a.dat": b"1"})
    rescan = _rescan(clock, seen, remember=60.0)
    _watched(rescan, new)
    rescan.first_create(str(new / "b.dat"))
    clock.now += 2
    rescan.flush()
    clock.now += 61
    rescan.flush()
    # Forgotten: the directory can be listed again and b.dat's create is not a duplicate.
    assert rescan.first_create(str(new / "b.dat"))
    _watched(rescan, new)
    assert len(rescan) == 1


def test_a_new_directory_without_a_watch_is_reported(tmp_path: Path, clock: Clock, seen: Recorder) -> None:
    # watchdog could not watch it (inotify watch limit) and said nothing: no create came.
    watched = _tree(tmp_path / "watched", {"a.dat": b"1"})
    unwatched = _tree(tmp_path / "unwatched", {"b.dat": b"22", "c.dat": b"333"})
    rescan = _rescan(clock, seen)
    _watched(rescan, watched)
    rescan.directory_created(str(unwatched))
    clock.now += 2
    assert rescan.flush() == 3  # what was there is rebuilt either way
    race, error = seen.coverage
    assert (race[0], race[3]) == ("watch-race", 3)
    assert (error[0], error[1], error[3]) == ("watch-error", str(unwatched), 2)
    assert "not watched" in error[2] and "max_user_watches" in error[2]
