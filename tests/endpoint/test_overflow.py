"""A real kernel inotify queue overflow, seen through the real daemon.

The kernel copies fs.inotify.max_queued_events into each inotify instance when
it is created, so the test lowers it only while the agent starts (its watch
instance is then small) and puts it back at once: other processes on the host
keep the normal limit. The agent is then frozen with SIGSTOP while files are
written, so the kernel queue fills and overflows for real.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.endpoint.conftest import AgentEnv

pytestmark = pytest.mark.inotify

LIMIT = Path("/proc/sys/fs/inotify/max_queued_events")


@pytest.mark.skipif(os.geteuid() != 0, reason="lowering fs.inotify.max_queued_events needs root")
def test_a_real_inotify_overflow_is_recorded_and_alerted(env: AgentEnv) -> None:
    env.write_config(account="bob")
    burst = env.tree / "burst"  # watched from the start: every write in it is queued
    burst.mkdir()
    normal = LIMIT.read_text()
    LIMIT.write_text("64\n")
    try:
        agent = env.agent().start()
    finally:
        LIMIT.write_text(normal)
    assert agent.proc is not None

    os.kill(agent.proc.pid, signal.SIGSTOP)
    try:
        for i in range(400):  # several events each: far beyond the 64 the instance can queue
            (burst / f"f{i:04}.txt").write_text("x")
    finally:
        os.kill(agent.proc.pid, signal.SIGCONT)

    env.wait_until(lambda: env.events(kind="coverage", action="inotify-overflow"), what="the overflow record")
    env.wait_until(lambda: env.alerts("coverage"), what="a coverage alert")
    assert agent.stop() == 0
    (overflow,) = env.events(kind="coverage", action="inotify-overflow")[:1]
    assert overflow.account == "bob"
    assert any("inotify queue overflow" in a.message for a in env.alerts("coverage"))
