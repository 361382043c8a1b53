"""The audit source for real: rules installed, records read, auid attribution, rules removed.

Needs root and a kernel with audit (CAP_AUDIT_CONTROL and CAP_AUDIT_READ);
skipped with the reason otherwise. The test sets its child's login uid the way
pam_loginuid does at login, then reads files as root: the events must name the
login account, not root and not the host's account.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from sentinel.endpoint.sources import audit, audit_records
from sentinel.model import Event
from tests.endpoint.conftest import AgentEnv
from tests.endpoint.test_agent import _files

pytestmark = [pytest.mark.root, pytest.mark.inotify]


def _skip_reason() -> str:
    if os.geteuid() != 0:
        return "the audit source needs root"
    return audit.unavailable_reason()


@pytest.mark.skipif(bool(_skip_reason()), reason=_skip_reason() or "audit available")
def test_audit_attributes_reads_and_execs_to_the_login_uid(env: AgentEnv) -> None:
    enabled_before = _status("enabled")
    env.write_config(account="bob", audit="on")  # the host's account is bob; audit knows better
    data = _files(env.tree / "secret", 30)
    agent = env.agent().start()
    assert agent.proc is not None
    rules = subprocess.run(["auditctl", "-l"], capture_output=True, text=True).stdout
    assert f"sentinel-{agent.proc.pid}-file" in rules
    paths = " ".join(str(p) for p in data)
    # Login uid 4242 (alice), then act as root: what sudo leaves behind.
    subprocess.run(["sh", "-c", f"echo 4242 > /proc/self/loginuid && cat {paths} > /dev/null"], check=True)
    env.wait_until(
        lambda: len([e for e in env.events(kind="file", action="read") if e.account == "alice"]) == len(data),
        what="reads attributed to alice",
    )
    env.wait_until(lambda: _cat_execs(env, str(data[0])), what="the exec of cat")
    pid = agent.proc.pid
    assert agent.stop() == 0
    reads = env.events(kind="file", action="read")
    assert {e.attributed_by for e in reads if e.path in {str(p) for p in data}} == {"audit-auid"}
    # Audit sees every exec on the machine; ours is the cat of these files.
    (execution,) = _cat_execs(env, str(data[0]))
    assert execution.account == "alice"
    assert execution.attributed_by == "audit-auid"
    assert [str(p) for p in data[:3]] == list(execution.argv[1:4])
    (alert,) = env.alerts("bulk-read")
    assert alert.account == "alice"
    rules = subprocess.run(["auditctl", "-l"], capture_output=True, text=True).stdout
    assert f"sentinel-{pid}-" not in rules
    assert _status("enabled") == enabled_before


def _cat_execs(env: AgentEnv, first: str) -> list[Event]:
    return [e for e in env.events(kind="process", action="exec") if e.argv[:2] == ("cat", first)]


def _status(key: str) -> str:
    out = subprocess.run(["auditctl", "-s"], capture_output=True, text=True).stdout
    return dict(line.split(" ", 1) for line in out.splitlines() if " " in line)[key]


def test_audit_record_parsing() -> None:
    assert audit_records.decode('"/tmp/a b"') == "/tmp/a b"
    assert audit_records.decode("2F746D702F78") == "/tmp/x"
    assert audit_records.sockaddr("02000050C0A80001" + "0" * 16) == "192.168.0.1:80"
    assert audit_records.sockaddr("01002F746D70") == ""  # AF_UNIX is not a network peer
    assert audit_records.git_subcommand(("git", "-C", "/r", "push", "file:///x")) == ("push", ("file:///x",))
    assert audit_records.git_subcommand(("/usr/bin/git", "bundle", "create", "x")) == (
        "bundle",
        ("create", "x"),
    )
    assert audit_records.git_subcommand(("gitk",)) == ("", ())
    fields = audit_records.fields('arch=c000003e syscall=257 auid=4242 comm="cat" key="sentinel-1-file"')
    assert fields["auid"] == "4242" and audit_records.decode(fields["key"]) == "sentinel-1-file"


@pytest.mark.skipif(bool(_skip_reason()), reason=_skip_reason() or "audit available")
def test_rules_left_by_a_killed_agent_are_removed_by_the_next(env: AgentEnv) -> None:
    enabled_before = _status("enabled")
    env.write_config(account="bob", audit="on")
    killed = env.agent().start()
    assert killed.proc is not None
    dead_pid = killed.proc.pid
    killed.kill()
    assert (
        f"sentinel-{dead_pid}-" in subprocess.run(["auditctl", "-l"], capture_output=True, text=True).stdout
    )
    again = env.agent().start()
    assert (
        f"sentinel-{dead_pid}-"
        not in subprocess.run(["auditctl", "-l"], capture_output=True, text=True).stdout
    )
    assert again.stop() == 0
    assert "sentinel-" not in subprocess.run(["auditctl", "-l"], capture_output=True, text=True).stdout
    assert _status("enabled") == enabled_before  # the admin's setting, even across the kill
