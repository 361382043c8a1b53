"""The repos source in-process against real repositories (no daemon)."""

from __future__ import annotations

from pathlib import Path

from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources.repos import RepoSource, discover
from sentinel.identities import Directory
from sentinel.model import Event
from tests.endpoint.test_agent import _git


def _source(tmp_path: Path, events: list[Event], scans: list[tuple[Path, str, str]]) -> RepoSource:
    return RepoSource(
        host="h",
        attributor=Attributor(Directory.of(()), "bob"),
        emit=events.append,
        state_path=tmp_path / "repos.json",
        scan_commits=lambda root, old, new: scans.append((root, old, new)),
    )


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "work" / "app"
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / "a.py").write_text("x = 1\n")
    _git(repo, "add", "a.py")
    _git(repo, "commit", "-qm", "one")
    _git(tmp_path, "init", "-q", "--bare", "remote.git")
    _git(repo, "remote", "add", "origin", f"file://{tmp_path}/remote.git")
    return repo


def test_commits_remotes_and_pushes_are_events(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    events: list[Event] = []
    scans: list[tuple[Path, str, str]] = []
    source = _source(tmp_path, events, scans)
    assert discover([str(tmp_path / "work")]) == [repo]
    source.add(repo)
    source.poll()
    assert events == []  # the state at start is the baseline
    old = _git(repo, "rev-parse", "HEAD").strip()
    (repo / "a.py").write_text("x = 2\n")
    _git(repo, "commit", "-qam", "two")
    new = _git(repo, "rev-parse", "HEAD").strip()
    _git(repo, "remote", "add", "usb", "/media/usb/app.git")
    _git(repo, "push", "-q", "origin", "main")
    source.poll()
    actions = [(e.action, e.remote) for e in events]
    assert ("remote-added", "/media/usb/app.git") in actions
    assert ("push", f"file://{tmp_path}/remote.git") in actions
    assert ("commit", "") in actions
    assert scans == [(repo.resolve(), old, new)]
    assert {(e.kind, e.account, e.path) for e in events} == {("repo", "bob", str(repo.resolve()))}


def test_pushes_while_the_agent_was_down_are_reported_on_start(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _git(repo, "push", "-q", "origin", "main")  # creates the tracking reflog
    first: list[Event] = []
    source = _source(tmp_path, first, [])
    source.add(repo)
    source.poll()
    assert first == []
    (repo / "a.py").write_text("x = 3\n")
    _git(repo, "commit", "-qam", "three")
    _git(repo, "push", "-q", "origin", "main")  # nobody polling: the agent is down
    later: list[Event] = []
    restarted = _source(tmp_path, later, [])
    restarted.add(repo)
    restarted.poll()
    assert [e.action for e in later] == ["push"]
    assert later[0].detail.startswith("remote origin main ")


def test_a_new_clone_under_a_watched_tree_is_announced_and_watched(tmp_path: Path) -> None:
    origin = _repo(tmp_path)
    events: list[Event] = []
    source = _source(tmp_path, events, [])
    clone = tmp_path / "work" / "copy"
    _git(tmp_path, "clone", "-q", str(origin), str(clone))
    source.cloned(str(clone))
    source.poll()
    assert [(e.action, e.path) for e in events] == [("clone", str(clone.resolve()))]
    assert clone.resolve() in source.repositories
