"""A restarted agent keeps the bulk-read baseline it learned: seeded from its own store."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sentinel.model import Event
from sentinel.store import open_store
from tests.endpoint.conftest import AgentEnv

pytestmark = pytest.mark.inotify


def _files(tree: Path, count: int, prefix: str) -> list[Path]:
    tree.mkdir(parents=True, exist_ok=True)
    paths = [tree / f"{prefix}{i:04}.txt" for i in range(count)]
    for path in paths:
        path.write_text("row\n" * 10)
    return paths


def test_a_restart_does_not_reset_the_bulk_read_baseline(env: AgentEnv) -> None:
    # conftest's rules: window 30 s, floor 25, k 5. bob's previous runs read 40 files per
    # window for ten windows: baseline 40, threshold 200, which a restart must keep.
    env.write_config(account="bob")
    env.state.mkdir()
    now = datetime.now(UTC)
    history = [
        Event(
            ts=now - timedelta(minutes=12) + timedelta(seconds=30 * w + i / 2),
            host=socket.gethostname(),
            account="bob",
            kind="file",
            action="read",
            path=f"{env.tree}/old/w{w}/f{i}.txt",
            bytes=40,
            attributed_by="host-account",
        )
        for w in range(10)
        for i in range(40)
    ]
    store = open_store(env.store_url)
    try:
        store.add_events(history)
    finally:
        store.close()
    data = _files(env.tree / "work", 260, "f")

    agent = env.agent().start()
    for path in data[:60]:  # over the floor, far under 5 x baseline
        path.read_bytes()
    env.wait_until(lambda: len(env.events(kind="file", action="read")) >= 400 + 60, what="the first reads")
    for path in data[60:]:  # 260 distinct files in the window: over 200
        path.read_bytes()
    env.wait_until(lambda: env.alerts("bulk-read"), what="the bulk-read alert")
    assert agent.stop() == 0
    (alert,) = env.alerts("bulk-read")
    assert alert.account == "bob"
    assert "threshold: 200 = max(floor 25, 5 x baseline 40)" in alert.evidence
    assert "bulk-read seeded from 400 stored event(s)" in agent.stderr()
