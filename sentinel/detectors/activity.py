"""rules/activity.yaml: thresholds and path lists for the endpoint detectors.

Thresholds are per detector id, overridable per role and per account, most
specific last: `thresholds` < `overrides.roles.<role>` < `overrides.accounts.<id>`.
Each detector declares its settings as a frozen dataclass; `settings()` fills
one for a given account and names any key the dataclass does not know.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sentinel import yamlfile
from sentinel.errors import ConfigError
from sentinel.model import Account

S = TypeVar("S")

_TOP_KEYS = frozenset(
    {"thresholds", "overrides", "cloud_sync", "archive_extensions", "ignore", "approved_remotes"}
    | {"transfer_tools", "upload_options", "cloud_uploads", "ad_hoc_servers", "tunnels", "archivers"}
    | {"remote_access_tools", "vpn_clients", "vpn_interfaces", "approved_destinations", "approved_tools"}
)
Table = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityRules:
    thresholds: Table = field(default_factory=dict)
    roles: Mapping[str, Table] = field(default_factory=dict)
    accounts: Mapping[str, Table] = field(default_factory=dict)
    # Globs (fnmatch over absolute paths; `*` crosses `/`) of cloud-sync folders.
    cloud_sync: tuple[str, ...] = ()
    archive_extensions: tuple[str, ...] = ()
    # Paths whose file activity is never recorded (build outputs, caches, git internals).
    ignore: tuple[str, ...] = ()
    # Remote hosts (or host/path globs) approved for every account.
    approved_remotes: tuple[str, ...] = ()
    # Outbound transfers (sentinel/detectors/commands.py reads these):
    # program -> ATT&CK id; the program moves data whatever its options.
    transfer_tools: Mapping[str, str] = field(default_factory=dict)
    # program -> options after which (or after `@` in whose value) a file is uploaded.
    upload_options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Command prefixes ("aws s3 cp") that upload to cloud storage, ad-hoc file
    # servers that publish a directory, tunnels that publish a local port, and
    # archivers/encryptors that stage data.
    cloud_uploads: tuple[str, ...] = ()
    ad_hoc_servers: tuple[str, ...] = ()
    tunnels: tuple[str, ...] = ()
    archivers: tuple[str, ...] = ()
    # Remote-control programs, VPN clients and VPN interface globs (remote-access).
    remote_access_tools: tuple[str, ...] = ()
    vpn_clients: tuple[str, ...] = ()
    vpn_interfaces: tuple[str, ...] = ()
    # Addresses, networks (CIDR) and host names that data may go to.
    approved_destinations: tuple[str, ...] = ()
    # Host glob -> remote-access/VPN program or interface names approved on those hosts.
    approved_tools: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: Path | None = None

    def settings(self, cls: type[S], detector: str, account: Account | None = None) -> S:
        """`cls` filled from the thresholds for `detector`, then role and account overrides.

        Raises:
            ConfigError: a key `cls` does not have, or a value of the wrong type.
        """
        merged: dict[str, Any] = dict(self.thresholds.get(detector, {}))
        if account is not None:
            merged.update(self.roles.get(account.role.value, {}).get(detector, {}))
            merged.update(self.accounts.get(account.id, {}).get(detector, {}))
        return _fill(cls, merged, f"{self.source or 'activity rules'}: {detector}")

    def is_cloud_sync(self, path: str) -> bool:
        return _matcher(self.cloud_sync)(path) is not None

    def is_archive(self, path: str) -> bool:
        return path.lower().endswith(self.archive_extensions) if self.archive_extensions else False


@functools.lru_cache(maxsize=16)
def _matcher(globs: tuple[str, ...]) -> Callable[[str], object]:
    """One compiled expression for a tuple of globs (fnmatch: `*` crosses `/`)."""
    return glob_matcher(globs)


def glob_matcher(globs: Iterable[str]) -> Callable[[str], object]:
    """A function: a match object (truthy) when a path matches any glob (fnmatch, `*` crosses `/`).

    Every event's path goes through these, so it is built for speed, with the
    same results as matching fnmatch's expressions: a path that contains none
    of the globs' literal parts (`/.git/` of `*/.git/*`) cannot match, which a
    substring test says fastest; and a glob that starts with `*` is searched for
    its rest anchored at the end, instead of matched from the start, where `.*`
    backtracks over the whole path once per glob (bundled ignore list, typical
    path: 9 us -> about 1 us).
    """
    globs = tuple(globs)
    parts = []
    for glob in globs:
        if glob.startswith("*"):
            parts.append(fnmatch.translate(glob.lstrip("*")))  # "(?s:REST)\\Z", searched
        else:
            parts.append(r"\A" + fnmatch.translate(glob))
    if not parts:
        return lambda _path: None
    search = re.compile("|".join(f"(?:{p})" for p in parts)).search
    # `[` starts a set (or is literal when unclosed): no literal is taken from such globs.
    literals = tuple(max(re.split(r"[*?]", g), key=len) if "[" not in g else "" for g in globs)
    if not all(literals):
        return search

    def match(path: str) -> object:
        for literal in literals:  # a loop, not any(genexpr): this runs for every event
            if literal in path:
                return search(path)
        return None

    return match


def _fill(cls: type[S], values: Mapping[str, Any], where: str) -> S:
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise ConfigError(f"{where}: unknown threshold(s) {', '.join(unknown)} (known: {', '.join(fields)})")
    converted: dict[str, Any] = {}
    for name, value in values.items():
        default = getattr(cls(), name)
        if isinstance(default, bool) or not isinstance(default, int | float | str):
            converted[name] = value
        elif isinstance(value, bool) or not isinstance(value, type(default) | int):
            raise ConfigError(f"{where}: {name} must be a {type(default).__name__}, not {value!r}")
        else:
            converted[name] = type(default)(value)
    return cls(**converted)


def load(path: Path) -> ActivityRules:
    """Parse rules/activity.yaml (or an admin's copy).

    Raises:
        ConfigError: naming the file, line and key of the problem.
    """
    doc = yamlfile.load(path)
    data = doc.data or {}
    if not isinstance(data, dict):
        raise doc.error((), "must be a mapping")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise doc.error((unknown[0],), f"unknown key (known: {', '.join(sorted(_TOP_KEYS))})")

    def table(value: Any, keys: tuple[str, ...]) -> dict[str, dict[str, Any]]:
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise doc.error(keys, "must map detector ids to mappings of thresholds")
        return {str(k): dict(v) for k, v in value.items()}

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise doc.error((key,), "must be a list of strings")
        return tuple(value)

    def mapping(key: str, kind: type) -> dict[str, Any]:
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, kind) for v in value.values()):
            raise doc.error((key,), f"must map names to {'lists' if kind is list else 'strings'}")
        if kind is list and not all(isinstance(i, str) for v in value.values() for i in v):
            raise doc.error((key,), "lists must hold strings")
        return {str(k): v for k, v in value.items()}

    overrides = data.get("overrides") or {}
    if not isinstance(overrides, dict) or set(overrides) - {"roles", "accounts"}:
        raise doc.error(("overrides",), "must be a mapping with 'roles' and/or 'accounts'")
    roles = overrides.get("roles") or {}
    accounts = overrides.get("accounts") or {}
    if not isinstance(roles, dict) or not isinstance(accounts, dict):
        raise doc.error(("overrides",), "roles and accounts must be mappings")
    return ActivityRules(
        thresholds=table(data.get("thresholds"), ("thresholds",)),
        roles={str(r): table(t, ("overrides", "roles", str(r))) for r, t in roles.items()},
        accounts={str(a): table(t, ("overrides", "accounts", str(a))) for a, t in accounts.items()},
        cloud_sync=strings("cloud_sync"),
        archive_extensions=tuple(e.lower() for e in strings("archive_extensions")),
        ignore=strings("ignore"),
        approved_remotes=strings("approved_remotes"),
        transfer_tools=mapping("transfer_tools", str),
        upload_options={k: tuple(v) for k, v in mapping("upload_options", list).items()},
        cloud_uploads=strings("cloud_uploads"),
        ad_hoc_servers=strings("ad_hoc_servers"),
        tunnels=strings("tunnels"),
        archivers=strings("archivers"),
        remote_access_tools=tuple(v.lower() for v in strings("remote_access_tools")),
        vpn_clients=tuple(v.lower() for v in strings("vpn_clients")),
        vpn_interfaces=strings("vpn_interfaces"),
        approved_destinations=strings("approved_destinations"),
        approved_tools={
            k: tuple(str(t).lower() for t in v) for k, v in mapping("approved_tools", list).items()
        },
        source=path,
    )
