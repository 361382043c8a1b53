"""A nested tree copied into a watched path, through the real daemon: no event lost.

New directories race their inotify watches (files created and closed before
the watch exists); the agent must still store one create and one write per
copied file, no more, whichever way each file fell in the race.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.endpoint.conftest import AgentEnv

pytestmark = pytest.mark.inotify


def _nested_tree(root: Path) -> dict[str, int]:
    """Relative path -> size: dirs of many files, nested three deep, one empty dir, a build dir."""
    sizes: dict[str, int] = {}
    for a in range(4):
        for b in range(3):
            for depth, count in (("", 60), ("/deep", 25)):
                directory = root / f"team{a}" / f"proj{b}{depth}"
                directory.mkdir(parents=True, exist_ok=True)
                for i in range(count):
                    data = b"y" * (a * 100 + b * 10 + i)
                    (directory / f"f{i:03}.csv").write_bytes(data)
                    sizes[f"team{a}/proj{b}{depth}/f{i:03}.csv"] = len(data)
    (root / "top.txt").write_text("top level\n")
    sizes["top.txt"] = 10
    (root / "empty").mkdir()
    (root / "team0" / "build").mkdir()
    for i in range(30):  # ignored by the activity rules: no event, rebuilt or not
        (root / "team0" / "build" / f"o{i}.o").write_bytes(b"o")
    return sizes


def _copy(how: str, source: Path, copy: Path) -> None:
    if how == "tar -x":  # an archive unpacked: old mtimes from the archive, fresh inodes
        archive = source.parent / "source.tar"
        subprocess.run(["tar", "-cf", str(archive), "-C", str(source), "."], check=True)
        copy.mkdir()
        subprocess.run(["tar", "-xf", str(archive), "-C", str(copy)], check=True)
    else:
        subprocess.run([*how.split(), str(source), str(copy)], check=True)


@pytest.mark.parametrize("how", ["cp -r", "cp -a", "tar -x"])
def test_a_copied_nested_tree_stores_one_create_and_one_write_per_file(env: AgentEnv, how: str) -> None:
    env.write_config(account="bob")
    sizes = _nested_tree(env.base / "source")  # outside the watched tree
    copy = env.tree / "copy"
    expected = {str(copy / rel): size for rel, size in sizes.items()}
    agent = env.agent().start()
    _copy(how, env.base / "source", copy)

    def writes_in() -> int:
        return sum(1 for e in env.events(kind="file", action="write") if e.path in expected)

    env.wait_until(lambda: writes_in() >= len(expected), timeout=60, what="a write for every copied file")
    assert agent.stop() == 0

    events = [e for e in env.events(kind="file") if e.path.startswith(f"{copy}/")]
    assert not [e.path for e in events if "/build/" in e.path]
    creates = Counter(e.path for e in events if e.action == "create")
    writes = [e for e in events if e.action == "write"]
    assert creates == Counter(expected.keys())  # every file once, nothing else
    assert Counter(e.path for e in writes) == Counter(expected.keys())
    assert {e.path: e.bytes for e in writes} == expected
    # Whatever the race did this time, rebuilt writes say so and are counted by coverage.
    rebuilt = [e for e in writes if e.detail]
    assert all(e.detail.startswith("reconstructed:") for e in rebuilt)
    races = env.events(kind="coverage", action="watch-race")
    assert sum(e.bytes for e in races) == len(rebuilt)
    assert all(e.path.startswith(str(copy)) for e in races)
