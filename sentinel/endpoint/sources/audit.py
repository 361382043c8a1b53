"""Linux audit: who really did it (the login uid), and every exec and connect.

Approach (chosen for robustness): sentinel adds its own rules with
`auditctl` (keys `sentinel-<pid>-file|exec|net`, so two agents or an admin's
own rules are never touched) and reads records from the kernel's read-only
audit multicast group (netlink NETLINK_AUDIT, group AUDIT_NLGRP_READLOG,
CAP_AUDIT_READ). That needs no auditd and does not compete with one: auditd,
when running, keeps receiving and logging everything as before. Tailing
/var/log/audit/audit.log would depend on auditd's config and rotation;
becoming the audit daemon ourselves would evict auditd.

What it produces:
- attribution: file-access records (the watched trees) map each path to the
  auid of the process that touched it; the writer applies that to the file
  source's events before they are stored (`attributed_by: audit-auid`). The
  auid is set at login and survives sudo/su.
- process/exec events with argv, cwd, pid and auid; `git bundle|archive`
  become repo events, and `git push <url>` (a push to a URL rather than a
  named remote leaves no reflog) becomes a repo push event.
- network/connect events for IPv4/IPv6 with the remote address.
- audit-lost coverage events when the kernel's lost counter grows or our
  socket buffer overflows.

The agent's own pid and its children (git polling) are excluded in the rules.
On stop the rules are deleted and audit's enabled flag restored; on start,
rules left by an agent that died (its pid gone) are removed first.
"""

from __future__ import annotations

import collections
import dataclasses
import errno
import ipaddress
import logging
import os
import re
import shutil
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sentinel.endpoint import attribution
from sentinel.endpoint.attribution import Attributor
from sentinel.model import Event

log = logging.getLogger(__name__)

NETLINK_AUDIT = 9
AUDIT_NLGRP_READLOG = 1
AUDIT_SYSCALL, AUDIT_PATH, AUDIT_CWD, AUDIT_EXECVE, AUDIT_SOCKADDR, AUDIT_EOE = (
    1300,
    1302,
    1307,
    1309,
    1306,
    1320,
)
UNSET_AUID = 4294967295
_HEADER = re.compile(r"audit\((\d+)\.(\d+):(\d+)\):\s?")
_FIELD = re.compile(r'(\w+)=("(?:[^"]*)"|\S*)')
_KEY_RE = re.compile(r"key=\"?sentinel-(\d+)-(\w+)\"?")
_ATTRIBUTION_TTL = timedelta(seconds=10)
_CACHE_SIZE = 200_000


def _inode_key(dev: str, inode: str) -> str:
    """A cache key for audit's `dev=fd:01 inode=123` (hex major:minor)."""
    major, _, minor = dev.partition(":")
    try:
        return f"\0{int(major, 16)}:{int(minor, 16)}:{int(inode)}"
    except ValueError:
        return ""


def _inode_of(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "\0missing"
    return f"\0{os.major(st.st_dev)}:{os.minor(st.st_dev)}:{st.st_ino}"


def unavailable_reason() -> str:
    """Why audit cannot be used here, or '' when it can."""
    if os.geteuid() != 0:
        return "not running as root"
    if shutil.which("auditctl") is None:
        return "auditctl is not installed (apt-get install auditd)"
    try:
        done = subprocess.run(["auditctl", "-s"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"auditctl -s failed: {exc}"
    if done.returncode != 0:
        return f"auditctl -s failed: {done.stderr.strip() or done.returncode}"
    try:
        with socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_AUDIT) as sock:
            sock.bind((0, AUDIT_NLGRP_READLOG))
    except OSError as exc:
        return f"cannot join the audit multicast group: {exc.strerror}"
    return ""


def _status() -> dict[str, str]:
    done = subprocess.run(["auditctl", "-s"], capture_output=True, text=True, timeout=10)
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def _auditctl(*args: str) -> None:
    done = subprocess.run(["auditctl", *args], capture_output=True, text=True, timeout=10)
    if done.returncode != 0:
        raise OSError(f"auditctl {' '.join(args)}: {done.stderr.strip()}")


def decode(value: str) -> str:
    """An audit field value: quoted text, or hex when it holds odd characters."""
    if value.startswith('"') and value.endswith('"'):
        return value[1:-1]
    if value and len(value) % 2 == 0 and all(c in "0123456789ABCDEFabcdef" for c in value):
        try:
            return bytes.fromhex(value).decode("utf-8", "replace")
        except ValueError:
            return value
    return value


def fields(text: str) -> dict[str, str]:
    return {k: v for k, v in _FIELD.findall(text)}


def sockaddr(hexdata: str) -> str:
    """'ip:port' for an AF_INET/AF_INET6 sockaddr in hex, else ''."""
    try:
        raw = bytes.fromhex(hexdata)
    except ValueError:
        return ""
    if len(raw) >= 8 and raw[0:2] == b"\x02\x00":
        port = struct.unpack(">H", raw[2:4])[0]
        return f"{ipaddress.IPv4Address(raw[4:8])}:{port}"
    if len(raw) >= 24 and raw[0:2] == b"\x0a\x00":
        port = struct.unpack(">H", raw[2:4])[0]
        return f"[{ipaddress.IPv6Address(raw[8:24])}]:{port}"
    return ""


def git_subcommand(argv: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """('push', rest) for ['git', '-C', 'x', 'push', ...]; ('', ()) when not git."""
    if not argv or os.path.basename(argv[0]) != "git":
        return "", ()
    index = 1
    while index < len(argv) and argv[index].startswith("-"):
        index += 2 if argv[index] in ("-C", "-c", "--git-dir", "--work-tree") else 1
    return (argv[index], argv[index + 1 :]) if index < len(argv) else ("", ())


class AuditSource:
    def __init__(
        self,
        *,
        host: str,
        attributor: Attributor,
        watch: Iterable[str],
        emit: Callable[[Event], object],
        coverage: Callable[[str, str, int], None],
        state_path: Path | None = None,
    ) -> None:
        self.host = host
        # audit's enabled flag as found before any agent touched it; kept on disk so
        # the run after a kill -9 still restores the admin's setting at its stop.
        self._state_path = state_path
        self._attributor = attributor
        self._watch = tuple(watch)
        self._emit = emit
        self._coverage = coverage
        self._prefix = f"sentinel-{os.getpid()}-"
        self._keys = tuple(self._prefix + k for k in ("file", "exec", "net"))
        self._was_enabled = "1"
        self._lost = 0
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._pending: dict[str, list[tuple[int, str]]] = {}
        self._cache: collections.OrderedDict[str, tuple[datetime, str]] = collections.OrderedDict()
        self._cache_lock = threading.Lock()
        self.records = 0

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        self._remove_stale_rules()
        status = _status()
        self._was_enabled = status.get("enabled", "1").strip()
        if self._state_path is not None:
            try:
                self._was_enabled = self._state_path.read_text().strip() or self._was_enabled
            except FileNotFoundError:
                self._state_path.write_text(self._was_enabled)
        self._lost = int(status.get("lost", "0") or 0)
        sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW | socket.SOCK_CLOEXEC, NETLINK_AUDIT)
        try:
            sock.setsockopt(socket.SOL_SOCKET, 33, 16 * 1024 * 1024)  # SO_RCVBUFFORCE (root)
        except OSError:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024 * 1024)
        sock.bind((0, AUDIT_NLGRP_READLOG))
        sock.settimeout(0.5)
        self._sock = sock
        self._thread = threading.Thread(target=self._read_loop, name="sentinel-audit", daemon=True)
        self._thread.start()
        me = str(os.getpid())
        try:
            if self._was_enabled == "0":
                _auditctl("-e", "1")
            for tree in self._watch:
                _auditctl("-a", "always,exit", "-F", f"dir={tree}", "-F", "perm=rwa",
                          "-F", f"pid!={me}", "-F", f"ppid!={me}", "-k", self._keys[0])  # fmt: skip
            for arch in ("b64", "b32"):
                _auditctl("-a", "always,exit", "-F", f"arch={arch}", "-S", "execve",
                          "-F", f"pid!={me}", "-F", f"ppid!={me}", "-k", self._keys[1])  # fmt: skip
                # Not success=1: a non-blocking connect (curl, browsers) returns EINPROGRESS.
                _auditctl("-a", "always,exit", "-F", f"arch={arch}", "-S", "connect", "-F", "exit!=-111",
                          "-F", f"pid!={me}", "-F", f"ppid!={me}", "-k", self._keys[2])  # fmt: skip
        except OSError:
            self.stop()
            raise
        log.info(
            "audit source on: %d watched tree(s), exec and connect, keys %s*", len(self._watch), self._prefix
        )

    def stop(self) -> None:
        for key in self._keys:
            try:
                _auditctl("-D", "-k", key)
            except OSError as exc:
                log.error("could not remove audit rules %s: %s", key, exc)
        if self._was_enabled == "0":
            try:
                _auditctl("-e", "0")
            except OSError as exc:
                log.error("could not restore audit's enabled flag: %s", exc)
        if self._state_path is not None:
            self._state_path.unlink(missing_ok=True)
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _remove_stale_rules(self) -> None:
        done = subprocess.run(["auditctl", "-l"], capture_output=True, text=True, timeout=10)
        stale = set()
        for match in _KEY_RE.finditer(done.stdout):
            pid = int(match.group(1))
            if pid != os.getpid() and not os.path.exists(f"/proc/{pid}"):
                stale.add(f"sentinel-{pid}-{match.group(2)}")
        for key in sorted(stale):
            log.warning("removing audit rules left by a dead agent: %s", key)
            _auditctl("-D", "-k", key)

    # -- reading ----------------------------------------------------------------------------

    def _read_loop(self) -> None:
        assert self._sock is not None
        last_check = time.monotonic()
        while not self._stopping.is_set():
            try:
                data = self._sock.recv(1 << 20)
            except TimeoutError:
                data = b""
            except OSError as exc:
                if exc.errno == errno.ENOBUFS:
                    # Our receive buffer overflowed: records are gone; say so.
                    self._coverage("audit-lost", "audit socket buffer overflowed", 1)
                    continue
                if self._stopping.is_set():
                    return
                raise
            try:
                self._parse_datagram(data)
            except Exception:  # never die on one bad record
                log.exception("audit datagram could not be parsed")
            now = time.monotonic()
            if now - last_check >= 1.0:
                last_check = now
                self._flush_stale()
                self._check_lost()

    def _parse_datagram(self, data: bytes) -> None:
        offset = 0
        while offset + 16 <= len(data):
            length, kind = struct.unpack_from("=IH", data, offset)
            if length < 16:
                return
            text = data[offset + 16 : offset + length].decode("utf-8", "replace").rstrip("\0")
            offset += (length + 3) & ~3
            self.records += 1
            match = _HEADER.match(text)
            if match is None:
                continue
            serial = match.group(3)
            if kind == AUDIT_EOE:
                records = self._pending.pop(serial, None)
                if records:
                    self._handle(match, records)
                continue
            self._pending.setdefault(serial, []).append((kind, text[match.end() :]))

    def _flush_stale(self) -> None:
        # Records of events without an EOE (single-record events) are never handled;
        # drop what is older than a few seconds so memory stays bounded.
        if len(self._pending) > 1000:
            for serial in list(self._pending)[:-1000]:
                self._pending.pop(serial, None)

    def _check_lost(self) -> None:
        try:
            lost = int(_status().get("lost", "0") or 0)
        except (OSError, ValueError, subprocess.SubprocessError):
            return
        if lost > self._lost:
            self._coverage("audit-lost", f"kernel audit lost counter rose to {lost}", lost - self._lost)
        self._lost = lost

    def _handle(self, header: re.Match[str], records: list[tuple[int, str]]) -> None:
        syscall = next((fields(t) for k, t in records if k == AUDIT_SYSCALL), None)
        if syscall is None:
            return
        key = decode(syscall.get("key", ""))
        if not key.startswith(self._prefix):
            return
        ts = datetime.fromtimestamp(int(header.group(1)), UTC) + timedelta(milliseconds=int(header.group(2)))
        auid = int(syscall.get("auid", str(UNSET_AUID)))
        cwd = next((decode(fields(t).get("cwd", "")) for k, t in records if k == AUDIT_CWD), "")
        if auid != UNSET_AUID:
            account, attributed_by = self._attributor.uid_account(auid), attribution.AUDIT
        else:
            account, attributed_by = self._attributor.fallback(int(syscall.get("uid", "0")))
        what = key[len(self._prefix) :]
        if what == "file":
            if auid == UNSET_AUID:
                return  # nothing better than the fallback the file source already has
            for kind, text in records:
                if kind != AUDIT_PATH:
                    continue
                item = fields(text)
                if item.get("nametype") == "PARENT":
                    continue
                name = decode(item.get("name", ""))
                if name:
                    path = os.path.normpath(os.path.join(cwd, name))
                    with self._cache_lock:
                        self._cache[path] = (ts, account)
                        self._cache.move_to_end(path)
                        inode = _inode_key(item.get("dev", ""), item.get("inode", ""))
                        if inode and not name.startswith("/"):
                            # openat(dirfd, "x") (grep -r, find, fts) names the file relative to a
                            # directory the record does not show: the inode still identifies it.
                            self._cache[inode] = (ts, account)
                            self._cache.move_to_end(inode)
                        while len(self._cache) > _CACHE_SIZE:
                            self._cache.popitem(last=False)
        elif what == "exec":
            self._exec(records, syscall, ts, account, attributed_by, cwd)
        elif what == "net" and syscall.get("exit") in ("0", "-115"):  # connected, or in progress
            remote = next(
                (sockaddr(fields(t).get("saddr", "")) for k, t in records if k == AUDIT_SOCKADDR), ""
            )
            if remote:
                self._connect(syscall, ts, account, attributed_by, remote)

    def _connect(self, syscall: dict[str, str], ts: datetime, account: str, by: str, remote: str) -> None:
        self._emit(
            Event(ts=ts, host=self.host, account=account, kind="network", action="connect",
                  path=decode(syscall.get("exe", "")), remote=remote, pid=int(syscall.get("pid", "0")),
                  attributed_by=by, detail=f"comm={decode(syscall.get('comm', ''))}")
        )  # fmt: skip

    def _exec(
        self,
        records: list[tuple[int, str]],
        syscall: dict[str, str],
        ts: datetime,
        account: str,
        by: str,
        cwd: str,
    ) -> None:
        execve = next((fields(t) for k, t in records if k == AUDIT_EXECVE), None)
        if execve is None:
            return
        argc = int(execve.get("argc", "0"))
        argv = tuple(decode(execve.get(f"a{i}", "")) for i in range(argc))
        pid = int(syscall.get("pid", "0"))
        self._emit(
            Event(ts=ts, host=self.host, account=account, kind="process", action="exec",
                  path=decode(syscall.get("exe", "")), argv=argv, pid=pid, attributed_by=by,
                  detail=f"cwd={cwd} ppid={syscall.get('ppid', '')} uid={syscall.get('uid', '')} "
                         f"auid={syscall.get('auid', '')}")
        )  # fmt: skip
        sub, rest = git_subcommand(argv)
        # `git push <repository> [<refspec>...]`: only the first operand can be a URL;
        # `HEAD:main` is a refspec, and a named remote is the repos source's business.
        target = next((a for a in rest if not a.startswith("-")), "")
        remote = target if "://" in target or ":" in target or target.startswith(("/", "./", "../")) else ""
        if sub in ("bundle", "archive") or (sub == "push" and remote):
            self._emit(
                Event(ts=ts, host=self.host, account=account, kind="repo", action=sub, path=cwd, argv=argv,
                      remote=remote if sub == "push" else "", pid=pid, attributed_by=by, detail="from exec")
            )  # fmt: skip

    # -- attribution ------------------------------------------------------------------------

    def enrich(self, batch: list[Event]) -> list[Event]:
        """File events re-attributed to the auid audit saw touching the same path."""
        out = []
        with self._cache_lock:
            for event in batch:
                if event.kind in ("file", "transfer") and event.attributed_by != attribution.AUDIT:
                    hit = self._cache.get(event.dest_path if event.action == "move" else event.path)
                    if hit is None and event.action == "move":
                        hit = self._cache.get(event.path)
                    if hit is None and event.action != "delete":
                        hit = self._cache.get(_inode_of(event.path))
                    if hit is not None and abs(hit[0] - event.ts) <= _ATTRIBUTION_TTL:
                        event = dataclasses.replace(event, account=hit[1], attributed_by=attribution.AUDIT)
                out.append(event)
        return out
