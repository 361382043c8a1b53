"""The Store protocol: where findings, events and alerts are kept.

Engines are chosen by URL: `sqlite:///path/to/file.db` (the embedded default)
and `postgresql://...` (a central store). Both hold the same schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
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


class Store(Protocol):
    def add_events(self, events: Sequence[Event]) -> None:
        """Persist a batch atomically: committed when this returns."""

    def add_alerts(self, alerts: Sequence[Alert]) -> None: ...

    def add_findings(self, findings: Sequence[Finding], *, context: ScanContext) -> None: ...

    def events(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> Iterable[Event]: ...

    def alerts(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[Alert]: ...

    def findings(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[StoredFinding]: ...

    def close(self) -> None: ...
