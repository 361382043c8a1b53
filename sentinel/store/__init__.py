"""The Store protocol: where findings, events and alerts are kept.

Engines are chosen by URL: `sqlite:///path/to/file.db` (the embedded default)
and `postgresql://...` (a central store). Both hold the same schema; see
sentinel/store/sql/ for the tables and sentinel/store/forward.py for how an
agent's local store is forwarded to a central one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sentinel.model import Alert, Event, Finding


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanContext:
    """Where a batch of findings came from (a CI run, a hook, a watched repo)."""

    repository: str
    base: str = ""
    head: str = ""
    pipeline: str = ""  # CI job URL or id, when known
    host: str = ""
    ts: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredFinding:
    finding: Finding
    context: ScanContext


@dataclass(frozen=True, slots=True, kw_only=True)
class Rollup:
    """Events of one host/account/kind/action within one UTC hour."""

    hour: datetime
    host: str
    account: str
    kind: str
    action: str
    count: int
    bytes: int
    distinct_paths: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """Something the store knows it did not see or could not keep."""

    ts: datetime
    host: str
    source: str  # what lost it: "forwarder", "retention", ...
    kind: str  # "spool-drop", "purged-unforwarded", ...
    count: int = 0
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountHour:
    """One account's events within one UTC hour, summed over hosts, kinds and actions."""

    hour: datetime
    account: str
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class HostSpan:
    """One host and account's rollups within a time range: first and last hour, events."""

    host: str
    account: str
    first: datetime
    last: datetime
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Purged:
    events: int
    rollups: int


class Store(Protocol):
    def add_events(self, events: Sequence[Event]) -> None:
        """Persist a batch atomically: committed when this returns."""

    def add_alerts(self, alerts: Sequence[Alert]) -> None: ...

    def add_findings(self, findings: Sequence[Finding], *, context: ScanContext) -> None: ...

    def events(
        self,
        *,
        since: datetime,
        until: datetime | None = None,
        account: str | None = None,
        host: str | None = None,
        kinds: Iterable[str] | None = None,
    ) -> Iterable[Event]: ...

    def alerts(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[Alert]: ...

    def findings(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[StoredFinding]: ...

    def add_coverage(self, records: Sequence[Coverage]) -> None: ...

    def rollups(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[Rollup]: ...

    def account_hours(
        self, *, since: datetime, until: datetime | None = None, exclude_kinds: Sequence[str] = ()
    ) -> list[AccountHour]:
        """Rollups summed per hour and account, in SQL: a digest's daily activity without
        loading every host/kind/action row."""

    def host_spans(self, *, since: datetime, until: datetime | None = None) -> list[HostSpan]:
        """When each host (per account) was last and first seen in the rollups: silent agents."""

    def coverage(self, *, since: datetime, until: datetime | None = None) -> list[Coverage]: ...

    def purge(self, *, events_before: datetime, rollups_before: datetime | None = None) -> Purged:
        """Retention: drop raw events (and their path sets) older than `events_before`,
        rollups older than `rollups_before`; alerts and findings are kept."""

    def close(self) -> None: ...


DEFAULT_URL = "sqlite:///var/lib/sentinel/sentinel.db"


def open_store(url: str, *, migrate: bool = True, password_file: Path | None = None) -> Store:
    """Open (and by default migrate) the store `url` names.

    Raises:
        StoreError: one line naming the store (never its password) and the reason.
    """
    from sentinel.store import urls

    parsed = urls.parse(url)
    if parsed.engine == "sqlite":
        from sentinel.store.sqlite import SqliteStore

        assert parsed.path is not None
        return SqliteStore(parsed.path, migrate=migrate)
    from sentinel.store.postgres import PostgresStore

    password = urls.read_credentials(password_file) if password_file else None
    return PostgresStore(parsed, migrate=migrate, password=password)
