"""The local store as an outbox: what is still to be forwarded, and how it is sent.

Each forwarded table is a stream with a position in the `outbox` table: rows
after it are unsent. Append-only tables are read in id order; rollups change
in place, so they are read in (rev, id) order and a changed rollup is sent
again. Centrally, every row is keyed by (submitting role, uid): a batch sent
twice inserts nothing the second time, and a rollup only ever moves forward
to a newer rev. The position moves only after the central commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sentinel.store import Coverage, codec
from sentinel.store.sqlbase import Insert
from sentinel.store.sqlite import SqliteStore


@dataclass(frozen=True, slots=True, kw_only=True)
class Stream:
    table: str
    columns: tuple[str, ...]  # as sent, uid first
    timestamps: tuple[str, ...]  # columns held as microseconds locally
    by_rev: bool = False  # rows change in place (rollups)
    # Raw events carry no uid locally (it would cost an index at agent write rates);
    # <store_id>:<id> is unique and stable.
    uid_expr: str = "uid"

    @property
    def conflict(self) -> str:
        """What the central side does with a row it already has."""
        if not self.by_rev:
            # No conflict target: naming one needs SELECT on its columns, which agents
            # lack; (submitted_by, uid) is the only key a client-supplied row can hit.
            return "ON CONFLICT DO NOTHING"
        changed = ", ".join(f"{c} = excluded.{c}" for c in self.columns if c != "uid")
        return (
            f"ON CONFLICT (submitted_by, uid) DO UPDATE SET {changed} WHERE {self.table}.rev < excluded.rev"
        )

    def insert(self, rows: Sequence[Sequence[Any]]) -> Insert:
        return Insert(table=self.table, columns=self.columns, conflict=self.conflict, rows=rows)


COVERAGE = Stream(table="coverage", columns=codec.COVERAGE_COLUMNS, timestamps=("ts",))
ALERTS = Stream(
    table="alerts", columns=codec.ALERT_COLUMNS, timestamps=("created", "window_start", "window_end")
)
CONTEXTS = Stream(table="scan_contexts", columns=codec.CONTEXT_COLUMNS, timestamps=("ts",))
FINDINGS = Stream(table="findings", columns=codec.FINDING_COLUMNS, timestamps=("ts",))
ROLLUPS = Stream(table="rollups", columns=codec.ROLLUP_COLUMNS, timestamps=("hour",), by_rev=True)
EVENTS = Stream(
    table="events",
    columns=("uid", *codec.EVENT_COLUMNS),
    timestamps=("ts",),
    uid_expr="COALESCE(uid, ? || ':' || id)",
)

# Coverage first: if anything was dropped, the central side hears about it first.
# Scan contexts go on their own too, so a clean CI scan (no findings) is still on record.
DEFAULT_STREAMS = (COVERAGE, ALERTS, CONTEXTS, FINDINGS, ROLLUPS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Batch:
    stream: Stream
    rows: tuple[tuple[Any, ...], ...]  # ready for the central (PostgreSQL) insert
    position: tuple[int, int]  # (rev, id) of the last row
    contexts: tuple[tuple[Any, ...], ...] = ()  # scan contexts the findings refer to

    def inserts(self) -> tuple[Insert, ...]:
        """What PostgresStore.receive commits as one transaction: contexts before findings."""
        head = (CONTEXTS.insert(self.contexts),) if self.contexts else ()
        return (*head, self.stream.insert(self.rows))


def position(store: SqliteStore, stream: Stream) -> tuple[int, int]:
    rows = store._read("SELECT last_rev, last_id FROM outbox WHERE stream = ?", (stream.table,))
    return (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)


def _after(stream: Stream, where: tuple[int, int]) -> tuple[str, list[Any]]:
    if stream.by_rev:
        return "(rev > ? OR (rev = ? AND id > ?))", [where[0], where[0], where[1]]
    return "id > ?", [where[1]]


def _order(stream: Stream) -> str:
    return "rev, id" if stream.by_rev else "id"


def _central_rows(stream: Stream, rows: Sequence[Sequence[Any]]) -> tuple[tuple[Any, ...], ...]:
    # Times go over as datetimes; JSON stays text, which PostgreSQL reads as jsonb.
    times = [i for i, column in enumerate(stream.columns) if column in stream.timestamps]
    out = []
    for values in rows:
        row = list(values)
        for i in times:
            if row[i] is not None:
                row[i] = codec.from_micros(row[i])
        out.append(tuple(row))
    return tuple(out)


def read_batch(store: SqliteStore, stream: Stream, limit: int) -> Batch | None:
    """The next `limit` unsent rows of `stream`, or None when it is caught up."""
    after, params = _after(stream, position(store, stream))
    rev = "rev" if stream.by_rev else "0"
    columns = ", ".join((stream.uid_expr, *stream.columns[1:]))
    uid_params: list[Any] = [store.store_id] if "?" in stream.uid_expr else []
    rows = store._read(
        f"SELECT {rev}, id, {columns} FROM {stream.table} WHERE {after} ORDER BY {_order(stream)} LIMIT ?",
        [*uid_params, *params, limit],
    )
    if not rows:
        return None
    contexts: tuple[tuple[Any, ...], ...] = ()
    if stream is FINDINGS:
        wanted = sorted({row[2 + stream.columns.index("context_uid")] for row in rows})
        marks = ", ".join("?" * len(wanted))
        found = store._read(
            f"SELECT {', '.join(CONTEXTS.columns)} FROM scan_contexts WHERE uid IN ({marks})", wanted
        )
        contexts = _central_rows(CONTEXTS, found)
    return Batch(
        stream=stream,
        rows=_central_rows(stream, [row[2:] for row in rows]),
        position=(int(rows[-1][0]), int(rows[-1][1])),
        contexts=contexts,
    )


def advance(store: SqliteStore, stream: Stream, to: tuple[int, int], *, forwarded: int) -> None:
    """Record that everything up to `to` is committed centrally."""
    with store._tx() as cur:
        _move(cur, stream, to, forwarded=forwarded, dropped=0)


def _move(cur: Any, stream: Stream, to: tuple[int, int], *, forwarded: int, dropped: int) -> None:
    cur.execute(
        "INSERT INTO outbox (stream, last_rev, last_id, forwarded, dropped) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (stream) DO UPDATE SET last_rev = excluded.last_rev, last_id = excluded.last_id,"
        " forwarded = outbox.forwarded + excluded.forwarded, dropped = outbox.dropped + excluded.dropped",
        (stream.table, to[0], to[1], forwarded, dropped),
    )


def backlog(store: SqliteStore, stream: Stream) -> int:
    after, params = _after(stream, position(store, stream))
    rows = store._read(f"SELECT count(*) FROM {stream.table} WHERE {after}", params)
    return int(rows[0][0])


def totals(store: SqliteStore) -> dict[str, tuple[int, int]]:
    """stream -> (rows forwarded, rows dropped) since the store was created."""
    rows = store._read("SELECT stream, forwarded, dropped FROM outbox")
    return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}


def drop_oldest(store: SqliteStore, stream: Stream, count: int, *, now: datetime, host: str) -> None:
    """Give up on the `count` oldest unsent rows of `stream`, leaving a coverage record.

    The rows stay in the local store; only their forwarding is abandoned.
    """
    with store._tx() as cur:
        start = position(store, stream)
        after, params = _after(stream, start)
        rev = "rev" if stream.by_rev else "0"
        cur.execute(
            f"SELECT {rev}, id FROM {stream.table} WHERE {after} ORDER BY {_order(stream)} LIMIT 1 OFFSET ?",
            [*params, count - 1],
        )
        last = cur.fetchone()
        if last is None:
            return
        _move(cur, stream, (int(last[0]), int(last[1])), forwarded=0, dropped=count)
        record = Coverage(
            ts=now,
            host=host,
            source="forwarder",
            kind="spool-drop",
            count=count,
            detail=f"{count} {stream.table} rows not forwarded: spool limit reached while the central "
            f"store was unreachable (local ids {start[1] + 1}..{last[1]})",
        )
        store._insert_coverage(cur, [record])
