"""The real daemon, as systemd would run it, against real trees and repositories."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sentinel.store import StoredFinding, open_store
from tests.endpoint.conftest import ROOT, AgentEnv

pytestmark = pytest.mark.inotify


def _files(tree: Path, count: int, prefix: str = "f", owner: int | None = None) -> list[Path]:
    tree.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = tree / f"{prefix}{i:05}.txt"
        path.write_text(f"line {i}\n" * 20)
        if owner is not None:
            os.chown(path, owner, owner)
        paths.append(path)
    return paths


def _read_all(paths: list[Path]) -> None:
    for path in paths:
        path.read_bytes()


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another uid needs root")
def test_bulk_read_raises_exactly_one_alert_for_the_owner(env: AgentEnv) -> None:
    # No agent.account: attribution falls back to the owner of each file (uid 4242 = alice).
    data = _files(env.tree / "customers", 60, owner=4242)
    agent = env.agent().start()
    _read_all(data)
    _read_all(data)  # reading the same files again is not a second burst
    env.wait_until(lambda: env.alerts("bulk-read"), what="a bulk-read alert")
    assert agent.stop() == 0
    alerts = env.alerts("bulk-read")
    assert len(alerts) == 1
    assert alerts[0].account == "alice"
    assert alerts[0].attack == "T1005"
    assert any(line.startswith("distinct files: ") for line in alerts[0].evidence)
    reads = env.events(kind="file", action="read")
    assert {e.path for e in reads} == {str(p) for p in data}
    assert {e.attributed_by for e in reads} == {"path-owner"}
    assert {e.account for e in reads} == {"alice"}


def test_ordinary_editing_raises_nothing(env: AgentEnv) -> None:
    env.write_config(account="bob")
    files = _files(env.tree / "src", 8)
    (env.tree / "build").mkdir()
    agent = env.agent().start()
    for round_ in range(4):
        for path in files[:4]:
            text = path.read_text()
            path.write_text(text + f"edit {round_}\n")
        _files(env.tree / "build", 40, prefix=f"obj{round_}-")  # build output: ignored
        _read_all(list((env.tree / "build").iterdir()))
    env.wait_until(lambda: len(env.events(kind="file", action="write")) >= 16, what="the edits")
    assert agent.stop() == 0
    assert env.alerts("bulk-read") == []
    assert not [e for e in env.events(kind="file") if "/build/" in e.path]
    assert {e.account for e in env.events(kind="file")} == {"bob"}
    assert {e.attributed_by for e in env.events(kind="file")} == {"host-account"}


def _git(cwd: Path, *args: str) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bob",
        "GIT_AUTHOR_EMAIL": "bob@example.com",
        "GIT_COMMITTER_NAME": "Bob",
        "GIT_COMMITTER_EMAIL": "bob@example.com",
        "GIT_AUTHOR_DATE": "@1780000000 +0000",
        "GIT_COMMITTER_DATE": "@1780000000 +0000",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd.parent),
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_push_to_unapproved_remote_raises_an_alert(env: AgentEnv) -> None:
    env.write_config(account="bob")
    repo = env.tree / "app"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    (repo / "main.py").write_text("print('hi')\n")
    _git(repo, "add", "main.py")
    _git(repo, "commit", "-qm", "first")
    for name in ("approved.git", "evil.git"):
        _git(env.base, "init", "-q", "--bare", name)
    # Both remotes look like ssh hosts; insteadOf sends them to local bare repositories.
    _git(repo, "remote", "add", "origin", "ssh://git.corp.example/app.git")
    _git(repo, "config", f"url.{env.base}/approved.git.insteadOf", "ssh://git.corp.example/app.git")
    agent = env.agent().start()  # the clone under the watched tree is found and watched
    _git(repo, "push", "-q", "origin", "main")
    env.wait_until(lambda: env.events(kind="repo", action="push"), what="the approved push")
    _git(repo, "remote", "add", "backup", "ssh://evil.example.com/app.git")
    _git(repo, "config", f"url.{env.base}/evil.git.insteadOf", "ssh://evil.example.com/app.git")
    _git(repo, "push", "-q", "backup", "main")
    env.wait_until(lambda: env.alerts("unapproved-push"), what="an unapproved-push alert")
    assert agent.stop() == 0
    alerts = env.alerts("unapproved-push")
    assert len(alerts) == 1
    assert alerts[0].account == "bob"
    assert "evil.example.com" in alerts[0].message
    assert f"remote: {env.base}/evil.git" in alerts[0].evidence
    assert [e.remote for e in env.events(kind="repo", action="remote-added")] == [
        "ssh://evil.example.com/app.git"
    ]
    pushes = env.events(kind="repo", action="push")
    assert [p.remote for p in pushes] == ["ssh://git.corp.example/app.git", "ssh://evil.example.com/app.git"]


def test_kill_9_mid_burst_loses_no_persisted_event_and_records_the_gap(env: AgentEnv) -> None:
    env.write_config(account="alice", batch_size=200)
    data = _files(env.tree / "data", 3000)
    agent = env.agent().start()
    stop = threading.Event()

    def burst() -> None:
        while not stop.is_set():
            for path in data:
                path.read_bytes()
                if stop.is_set():
                    return

    reader = threading.Thread(target=burst)
    reader.start()
    try:
        env.wait_until(lambda: len(env.events(kind="file")) > 500, what="part of the burst persisted")
        agent.kill()
    finally:
        stop.set()
        reader.join()
    before = {(e.ts, e.path, e.action) for e in env.events()}
    assert len(before) > 500
    restarted = env.agent().start()
    env.wait_until(lambda: env.events(action="unclean-stop"), what="the gap to be recorded")
    assert restarted.stop() == 0
    after = {(e.ts, e.path, e.action) for e in env.events()}
    assert before <= after, f"{len(before - after)} persisted event(s) lost"
    (gap,) = env.events(kind="coverage", action="unclean-stop")
    assert "died without stopping" in gap.detail
    coverage = env.alerts("coverage")
    assert any("died without stopping" in a.message + " ".join(a.evidence) for a in coverage)
    assert {a.account for a in coverage} == {"alice"}


def test_a_clean_stop_is_visible_with_its_sender(env: AgentEnv) -> None:
    env.write_config(account="alice")
    agent = env.agent().start()
    assert agent.stop() == 0
    (stop,) = env.events(kind="coverage", action="agent-stop")
    assert f"from pid {os.getpid()}" in stop.detail
    (alert,) = env.alerts("coverage")
    assert alert.account == "alice"
    assert alert.severity == "high"  # medium, raised one level for a contractor
    assert env.events(kind="coverage", action="unclean-stop") == []


def test_corrupt_config_is_a_clear_error_not_a_crash(env: AgentEnv) -> None:
    env.config.write_text("agent:\n  watch: [unclosed\n")
    done = subprocess.run(
        [sys.executable, "-m", "sentinel", "agent", "--config", str(env.config)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=30,
    )
    assert done.returncode == 2
    assert str(env.config) in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_threshold_is_a_clear_error(env: AgentEnv) -> None:
    env.activity.write_text("thresholds:\n  bulk-read: {flor: 3}\n")
    done = subprocess.run(
        [sys.executable, "-m", "sentinel", "agent", "--config", str(env.config)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=30,
    )
    assert done.returncode == 2
    assert "unknown threshold(s) flor" in done.stderr


def test_unwatchable_paths_are_coverage_events_and_the_agent_runs_on(env: AgentEnv) -> None:
    not_a_dir = env.base / "plain.txt"
    not_a_dir.write_text("x")
    env.write_config(account="bob", watch=[str(env.tree), str(env.base / "missing"), str(not_a_dir)])
    # Created before the start: reads in a directory born after it race its new inotify watch.
    data = _files(env.tree / "ok", 3)
    agent = env.agent().start()
    _read_all(data)
    env.wait_until(lambda: len(env.events(kind="file", action="read")) == 3, what="reads in the good tree")
    assert agent.stop() == 0
    errors = env.events(kind="coverage", action="watch-error")
    assert sorted(e.path for e in errors) == sorted([str(env.base / "missing"), str(not_a_dir)])
    assert env.alerts("coverage")


def test_second_agent_on_the_same_store_is_refused(env: AgentEnv) -> None:
    first = env.agent().start()
    second = env.agent().start(wait=False)
    assert second.proc is not None
    assert second.proc.wait(30) == 2
    assert "already running" in second.stderr()
    assert first.alive
    assert first.stop() == 0


def test_sighup_reloads_and_a_bad_reload_keeps_running(env: AgentEnv) -> None:
    env.write_config(account="bob", watch=[])
    data = _files(env.tree / "after", 3)
    agent = env.agent().start()
    env.write_config(account="bob")  # now watching the tree
    assert agent.proc is not None
    agent.proc.send_signal(signal.SIGHUP)
    env.wait_until(lambda: env.events(kind="coverage", action="reload"), what="the reload")
    _read_all(data)
    env.wait_until(lambda: len(env.events(kind="file", action="read")) == 3, what="reads after reload")
    env.config.write_text("agent: [broken\n")
    agent.proc.send_signal(signal.SIGHUP)
    env.wait_until(lambda: len(env.events(kind="coverage", action="reload")) == 2, what="the refused reload")
    assert agent.alive
    assert agent.stop() == 0
    refused = env.events(kind="coverage", action="reload")[1]
    assert refused.detail.startswith("refused:")


def test_a_full_queue_counts_every_dropped_event(env: AgentEnv) -> None:
    # A tiny queue drained slowly: reads beyond it are dropped, but each is counted.
    env.write_config(account="bob", queue_size=50, batch_size=10, batch_interval=1.0)
    data = _files(env.tree / "q", 400)
    agent = env.agent().start()
    _read_all(data)
    env.wait_until(lambda: env.events(kind="coverage", action="queue-full"), what="queue-full")
    time.sleep(1.5)
    assert agent.stop() == 0
    persisted = len(env.events(kind="file", action="read"))
    full = env.events(kind="coverage", action="queue-full")
    # Other sources (processes on this host) may lose events to the full queue too: per kind.
    dropped = sum(int(m[1]) for e in full for m in re.finditer(r"(\d+) file\b", e.detail))
    assert persisted + dropped == len(data)
    assert dropped > 0
    assert sum(e.bytes for e in full) >= dropped


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a filesystem needs root")
def test_writes_to_a_new_removable_mount_are_transfers(env: AgentEnv) -> None:
    env.write_config(account="alice")
    usb = env.base / "media" / "usb"
    usb.mkdir(parents=True)
    agent = env.agent().start()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "sentinel-test", str(usb)])
    if mounted.returncode:
        agent.stop()
        pytest.skip("tmpfs cannot be mounted here")
    try:
        env.wait_until(lambda: env.events(kind="mount", action="mounted"), what="the mount")
        time.sleep(0.3)
        _files(usb / "dump", 12)
        env.wait_until(lambda: env.alerts("mass-copy-out"), what="a mass-copy-out alert")
    finally:
        subprocess.run(["umount", "-l", str(usb)])
    assert agent.stop() == 0
    (alert,) = env.alerts("mass-copy-out")
    assert alert.account == "alice"
    assert alert.attack == "T1052.001"
    transfers = env.events(kind="transfer")
    assert transfers and all(e.dest_path == str(usb) or e.action == "move" for e in transfers)


def test_a_suspended_agent_records_the_heartbeat_gap(env: AgentEnv) -> None:
    env.write_config(account="alice", heartbeat=0.5)
    agent = env.agent().start()
    assert agent.proc is not None
    agent.proc.send_signal(signal.SIGSTOP)  # what a debugger, a frozen VM or `kill -STOP` does
    time.sleep(4)
    agent.proc.send_signal(signal.SIGCONT)
    env.wait_until(lambda: env.events(kind="coverage", action="heartbeat-gap"), what="the heartbeat gap")
    assert agent.stop() == 0
    (gap,) = env.events(kind="coverage", action="heartbeat-gap")
    assert gap.detail.startswith("no heartbeat for ")
    assert any(a.window_start < a.window_end for a in env.alerts("coverage"))


def test_new_commits_in_a_watched_repository_are_scanned_and_findings_stored(env: AgentEnv) -> None:
    env.write_config(account="bob", scan_commits=True)
    repo = env.tree / "svc"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("svc\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "start")
    agent = env.agent().start()
    payload = 'import base64\nBLOB = "cHJpbnQoJ2hpJyk="\nexec(base64.b64decode(BLOB))\n'
    (repo / "loader.py").write_text(payload)
    _git(repo, "add", "loader.py")
    _git(repo, "commit", "-qm", "add loader")
    head = _git(repo, "rev-parse", "HEAD").strip()

    def findings() -> list[StoredFinding]:
        store = open_store(env.store_url, migrate=False)
        try:
            return store.findings(since=datetime.now(UTC) - timedelta(hours=1))
        finally:
            store.close()

    env.wait_until(findings, timeout=60, what="the finding from the commit scan")
    assert agent.stop() == 0
    # The same pipeline as CI: the rule pack plus provenance checks on the commit.
    stored = {f.finding.rule_id: f for f in findings()}
    backdoor = stored["py-eval-decoded-payload"]
    assert backdoor.finding.path == "loader.py"
    assert backdoor.context.head == head and backdoor.context.repository == str(repo)
    assert [e.action for e in env.events(kind="repo")] == ["commit"]
