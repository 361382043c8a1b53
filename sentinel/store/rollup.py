"""Group a batch of events into hourly rollup deltas.

Rollups are what agents forward by default: per UTC hour, host, account, kind
and action, the number of events, the bytes, and the distinct paths. Counts
and bytes add up across batches; distinct paths are kept exact by storing a
64-bit hash of every path already counted (rollup_paths) and adding only new
ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sentinel.model import Event


@dataclass(frozen=True, slots=True, kw_only=True)
class RollupKey:
    hour: datetime
    host: str
    account: str
    kind: str
    action: str

    def uid(self, store_id: str) -> str:
        """Stable across batches and restarts, unique across stores."""
        parts = (store_id, self.hour.isoformat(), self.host, self.account, self.kind, self.action)
        return hashlib.sha1("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(slots=True)
class Delta:
    count: int = 0
    bytes: int = 0
    path_hashes: set[int] = field(default_factory=set)


def hour_of(ts: datetime) -> datetime:
    return ts.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def path_hash(path: str) -> int:
    # Signed, so it fits SQLite INTEGER and PostgreSQL bigint alike.
    digest = hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def group(events: Iterable[Event]) -> dict[RollupKey, Delta]:
    deltas: dict[RollupKey, Delta] = {}
    for event in events:
        key = RollupKey(
            hour=hour_of(event.ts),
            host=event.host,
            account=event.account,
            kind=event.kind,
            action=event.action,
        )
        delta = deltas.get(key)
        if delta is None:
            delta = deltas[key] = Delta()
        delta.count += 1
        delta.bytes += event.bytes
        if event.path:
            delta.path_hashes.add(path_hash(event.path))
    return deltas
