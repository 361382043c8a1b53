"""Reading a process exec event: which kind of command it is and which paths it touches.

Shared by the transfer-tool, archive-then-send and remote-access detectors.
Pure: the rule data (rules/activity.yaml) and the event in, a `Command` out.

The process sources write `detail` as `cwd=<dir> ppid=<n> uid=<n> ...`; the
cwd resolves relative arguments. Paths are taken from every argument that is
not an option, from option values (`--file=x`, `-f x` is seen as two tokens,
so `x` counts), and from curl-style `@file` references (`-F f=@/x;type=...`).
What argv cannot show is not seen: shell redirections (`nc host 9 < file`)
and data piped in (`tar c . | nc ...`, which archive-then-send pairs up).
"""

from __future__ import annotations

import contextlib
import fnmatch
import ipaddress
import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sentinel.detectors.activity import ActivityRules
from sentinel.model import Event

_CWD = re.compile(r"(?:^|\s)cwd=(.*?)(?=\s(?:ppid|uid|auid|source)=|$)")
_VERSIONED = re.compile(r"^(python|pip|ruby|perl|php|node)[0-9.]*$")
# user@host:path or host:path (scp/rsync remote specs), not a drive letter or URL.
_REMOTE_SPEC = re.compile(r"^(?:[^@/\s]+@)?([A-Za-z0-9_.\-\[\]:]+?):(?!//)(.*)$")

_FILE_NAME = re.compile(r"^[^=:@\s]+\.[A-Za-z0-9]{1,8}$")

FILE_COPY = "file-copy"
UPLOAD = "upload"
CLOUD = "cloud-upload"
SERVER = "ad-hoc-server"
TUNNEL = "tunnel"


@dataclass(frozen=True, slots=True, kw_only=True)
class Command:
    program: str  # basename of argv[0], version suffix dropped (python3.11 -> python)
    argv: tuple[str, ...]
    cwd: str
    paths: tuple[str, ...]  # path-like arguments, absolute, normalised
    operands: tuple[str, ...]  # every non-URL argument resolved as a path (bare words too)
    destinations: tuple[str, ...]  # hosts named in URLs and host:path specs

    @property
    def line(self) -> str:
        return " ".join(self.argv)


@dataclass(frozen=True, slots=True, kw_only=True)
class Transfer:
    kind: str  # FILE_COPY, UPLOAD, CLOUD, SERVER, TUNNEL
    attack: str
    sent: tuple[str, ...] = ()  # local paths the command sends (or, for a server, publishes)


def program(argv0: str) -> str:
    name = os.path.basename(argv0)
    match = _VERSIONED.match(name)
    return match.group(1) if match else name


def cwd_of(event: Event) -> str:
    match = _CWD.search(event.detail)
    return match.group(1) if match else ""


def parse(event: Event) -> Command | None:
    """The command of a process exec event, else None."""
    if event.kind != "process" or event.action != "exec" or not event.argv:
        return None
    cwd = cwd_of(event)
    paths: list[str] = []
    operands: list[str] = []
    destinations: list[str] = []
    for token in event.argv[1:]:
        value = token
        if token.startswith("-"):
            if "=" not in token:
                continue
            value = token.split("=", 1)[1]
        if "@" in value and not value.startswith("@") and "=@" in value:
            value = value.split("=@", 1)[1]  # -F name=@file
        if value.startswith("@"):
            value = value[1:]
        value = value.split(";", 1)[0]
        if not value or value == "-":
            continue
        if "://" in value:
            host = urlsplit(value).hostname
            if host:
                destinations.append(host.lower())
            continue
        remote = _REMOTE_SPEC.match(value)
        if remote and "/" not in remote.group(1) and not _looks_local(value):
            destinations.append(remote.group(1).strip("[]").lower())
            continue
        path = os.path.normpath(value if os.path.isabs(value) else os.path.join(cwd or "/", value))
        operands.append(path)
        if os.path.isabs(value) or _path_like(value):
            paths.append(path)  # not a host, a port or a word
    return Command(
        program=program(event.argv[0]),
        argv=event.argv,
        cwd=cwd,
        paths=tuple(paths),
        operands=tuple(operands),
        destinations=tuple(destinations),
    )


def _path_like(value: str) -> bool:
    if value in (".", "..") or "/" in value:
        return True
    return bool(_FILE_NAME.match(value)) and not _is_ip(value) and not value.replace(".", "").isdigit()


def _looks_local(value: str) -> bool:
    # "a:b" with no user@ and a dot-less host is more often a file name than a host.
    host = value.split(":", 1)[0]
    return "@" not in host and "." not in host and host not in ("localhost",) and not _is_ip(host)


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return True


def words_match(argv: tuple[str, ...], prefix: str) -> bool:
    """True when `prefix` ("aws s3 cp") appears in order within argv's first tokens.

    Options and their values may sit between the words (`aws --profile p s3 cp`).
    """
    wanted = prefix.split()
    if not wanted or not argv or program(argv[0]) != program(wanted[0]):
        return False
    index = 1
    for token in argv[1:8]:
        if index == len(wanted):
            break
        if token == wanted[index]:
            index += 1
    return index == len(wanted)


def classify(command: Command, rules: ActivityRules) -> Transfer | None:
    """How the command moves data off the host, if it is a transfer tool at all."""
    argv = command.argv
    for prefix in rules.tunnels:
        if words_match(argv, prefix):
            return Transfer(kind=TUNNEL, attack="T1572")
    for prefix in rules.ad_hoc_servers:
        if words_match(argv, prefix):
            return Transfer(kind=SERVER, attack="T1048.003", sent=served_directories(command))
    for prefix in rules.cloud_uploads:
        if words_match(argv, prefix):
            return Transfer(kind=CLOUD, attack="T1567.002", sent=_sources(command))
    if command.program in rules.transfer_tools:
        return Transfer(kind=FILE_COPY, attack=rules.transfer_tools[command.program], sent=_sources(command))
    options = rules.upload_options.get(command.program)
    if options and any(_is_upload_option(token, options) for token in argv[1:]):
        return Transfer(
            kind=UPLOAD,
            attack="T1048.003" if _plain_http(command) else "T1041",
            sent=_uploaded(command, options),
        )
    return None


def _resolve(command: Command, value: str) -> str:
    return os.path.normpath(value if os.path.isabs(value) else os.path.join(command.cwd or "/", value))


def _sources(command: Command) -> tuple[str, ...]:
    """Local paths a copy tool sends: every path but the last positional (its destination).

    With one positional (`nc host 9 file`, `rclone copy x remote:`) the paths are all
    sources. A download (`scp host:x .`) names no local source and sends nothing.
    """
    positional = [a for a in command.argv[1:] if not a.startswith("-")]
    last = _resolve(command, positional[-1]) if len(positional) >= 2 else None
    remote_last = bool(positional) and ("://" in positional[-1] or ":" in positional[-1])
    if remote_last:
        # `scp -r app host:/x`: everything local before a remote destination is sent, bare words too.
        return command.operands
    return tuple(p for p in command.paths if p != last)


def _uploaded(command: Command, options: tuple[str, ...]) -> tuple[str, ...]:
    """The files an upload option names: `-T x`, `--upload-file=x`, `-F f=@x`, `--data-binary @x`."""
    argv, found = command.argv, []
    for index, token in enumerate(argv[1:], start=1):
        name, eq, glued = token.partition("=")
        value = None
        if token in options and index + 1 < len(argv):
            value = argv[index + 1]
        elif eq and name in options:
            value = glued
        elif len(token) > 2 and token[:2] in options and token[:2] != token:
            value = token[2:]
        if value is None:
            continue
        if "=@" in value:
            value = value.split("=@", 1)[1]
        elif value.startswith("@"):
            value = value[1:]
        elif token not in ("-T", "--upload-file", "--post-file", "--body-file") and name not in (
            "--upload-file",
            "--post-file",
            "--body-file",
        ):
            continue  # inline data, not a file
        value = value.split(";", 1)[0]
        if value and value != "-":
            found.append(_resolve(command, value))
    return tuple(found)


def _is_upload_option(token: str, options: tuple[str, ...]) -> bool:
    if token in options:
        return True
    name = token.split("=", 1)[0]
    # curl accepts glued short options: -Tfile, -F@x.
    return name in options or any(len(o) == 2 and token.startswith(o) and len(token) > 2 for o in options)


def _plain_http(command: Command) -> bool:
    return any(a.startswith("http://") or a.startswith("ftp://") for a in command.argv)


def served_directories(command: Command) -> tuple[str, ...]:
    """What an ad-hoc server publishes: its --directory/-d value or path argument, else its cwd."""
    argv = command.argv
    for index, token in enumerate(argv):
        if token in ("--directory", "-d", "--root", "-r") and index + 1 < len(argv):
            value = argv[index + 1]
            return (os.path.normpath(os.path.join(command.cwd or "/", value)),)
    dirs = tuple(p for p in command.paths if not os.path.splitext(p)[1])
    return dirs or ((command.cwd,) if command.cwd else ())


def under(path: str, trees: tuple[str, ...]) -> str:
    """The watched tree `path` is in, or that lies inside `path` (serving `/` exposes it); else ''."""
    for tree in trees:
        tree = tree.rstrip("/") or "/"
        if path == tree or path.startswith(tree + "/") or tree.startswith(path.rstrip("/") + "/"):
            return tree
    return ""


def approved_destination(host: str, rules: ActivityRules) -> str:
    """The approved_destinations entry that covers `host` (a name or an address), else ''."""
    host = host.strip("[]").lower()
    address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = None
    with contextlib.suppress(ValueError):
        address = ipaddress.ip_address(host)
    for entry in rules.approved_destinations:
        entry_l = entry.lower()
        if address is not None and "/" in entry_l:
            try:
                if address in ipaddress.ip_network(entry_l, strict=False):
                    return entry
            except ValueError:
                continue
        elif host == entry_l or fnmatch.fnmatchcase(host, entry_l):
            return entry
    return ""


def host_of(remote: str) -> str:
    """'1.2.3.4' of '1.2.3.4:80', '::1' of '[::1]:80', a name unchanged."""
    if remote.startswith("["):
        return remote[1:].split("]", 1)[0]
    if remote.count(":") == 1:
        return remote.split(":", 1)[0]
    return remote
