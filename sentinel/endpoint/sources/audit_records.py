"""Audit records into Events: one kernel audit event (its records, grouped by serial) at a time.

Pure text work, kept apart from the netlink reader (audit.py) so it can be
tested without root. Only events carrying this agent's rule keys are used:
- file: each PATH record's path (and inode) with the account of the login
  uid, for the attribution cache (audit_attribution.py); no event of its own.
- exec: a process/exec event with argv, cwd, pid and auid; `git bundle|archive`
  also become repo events, and `git push <url>` (a push to a URL rather than
  a named remote leaves no reflog) a repo push event.
- net: a network/connect event for IPv4/IPv6 with the remote address.
"""

from __future__ import annotations

import ipaddress
import os
import re
import struct
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sentinel.endpoint import attribution
from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.sources.audit_attribution import inode_key
from sentinel.model import Event

AUDIT_SYSCALL, AUDIT_PATH, AUDIT_CWD, AUDIT_EXECVE, AUDIT_SOCKADDR, AUDIT_EOE = (
    1300,
    1302,
    1307,
    1309,
    1306,
    1320,
)
UNSET_AUID = 4294967295
HEADER = re.compile(r"audit\((\d+)\.(\d+):(\d+)\):\s?")
_FIELD = re.compile(r'(\w+)=("(?:[^"]*)"|\S*)')


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


class RecordHandler:
    """Turns the records of one audit event into Events (`emit`) or file accesses (`remember`)."""

    def __init__(
        self,
        *,
        host: str,
        prefix: str,
        attributor: Attributor,
        emit: Callable[[Event], object],
        remember: Callable[[str, datetime, str, str], None],
    ) -> None:
        self.host = host
        self._prefix = prefix
        self._attributor = attributor
        self._emit = emit
        self._remember = remember

    def handle(self, header: re.Match[str], records: list[tuple[int, str]]) -> None:
        """`header`: HEADER's match on the event's records; `records`: (record type, text after it)."""
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
                    # openat(dirfd, "x") (grep -r, find, fts) names the file relative to a
                    # directory the record does not show: the inode still identifies it.
                    inode = (
                        "" if name.startswith("/") else inode_key(item.get("dev", ""), item.get("inode", ""))
                    )
                    self._remember(path, ts, account, inode)
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
