"""What the SQLite and PostgreSQL stores share: the statements behind the Store protocol.

SQL here is written once with `?` placeholders and the common subset of both
engines (ON CONFLICT upserts, RETURNING); an engine subclass supplies the
connection, the transaction, the placeholder style and its Dialect.
"""

from __future__ import annotations

import logging
import socket
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sentinel.model import Alert, Event, Finding
from sentinel.store import (
    AccountHour,
    Coverage,
    HostSpan,
    Purged,
    Rollup,
    ScanContext,
    StoredFinding,
    codec,
    rollup,
)

log = logging.getLogger(__name__)

_PAGE = 5000


class Cursor(Protocol):
    """What sqlite3 and psycopg cursors have in common, as used here."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, params: Sequence[Sequence[Any]], /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


@dataclass(frozen=True, slots=True, kw_only=True)
class Insert:
    """Rows for one table, sent as a unit: `conflict` says what a duplicate does."""

    table: str
    columns: tuple[str, ...]
    conflict: str
    rows: Sequence[Sequence[Any]]


def insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({_cols(columns)}) VALUES ({_placeholders(len(columns))})"


def _cols(columns: Sequence[str], prefix: str = "") -> str:
    return ", ".join(prefix + c for c in columns)


class SqlStore:
    dialect: codec.Dialect
    # The unique key a client-supplied uid is checked against (PostgreSQL scopes it per submitter).
    uid_conflict = "(uid)"
    display = ""

    @property
    def store_id(self) -> str:
        """A random id fixed when the store was created: prefixes the uids it forwards."""
        raise NotImplementedError

    # -- engine hooks ---------------------------------------------------------------

    def _tx(self) -> AbstractContextManager[Cursor]:
        """A cursor inside one write transaction, committed on exit."""
        raise NotImplementedError

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    def _next_rev(self, cur: Cursor) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- writes ---------------------------------------------------------------------

    def add_events(self, events: Sequence[Event]) -> None:
        """Persist a batch and fold it into the hourly rollups, in one transaction."""
        if not events:
            return
        rows = [codec.event_row(self.dialect, e) for e in events]
        deltas = rollup.group(events)
        with self._tx() as cur:
            cur.executemany(insert_sql("events", codec.EVENT_COLUMNS), rows)
            self._apply_rollups(cur, deltas)

    def _apply_rollups(self, cur: Cursor, deltas: dict[rollup.RollupKey, rollup.Delta]) -> None:
        rev = self._next_rev(cur)
        for key, delta in deltas.items():
            cur.execute(
                "INSERT INTO rollups (uid, hour, host, account, kind, action, count, bytes,"
                " distinct_paths, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"
                f" ON CONFLICT {self.uid_conflict} DO UPDATE SET count = rollups.count + excluded.count,"
                " bytes = rollups.bytes + excluded.bytes, rev = excluded.rev RETURNING id",
                (
                    key.uid(self.store_id), self.dialect.ts_in(key.hour), key.host, key.account,
                    key.kind, key.action, delta.count, delta.bytes, rev,
                ),
            )  # fmt: skip
            rollup_id = cur.fetchone()[0]
            if not delta.path_hashes:
                continue
            cur.executemany(
                "INSERT INTO rollup_paths (rollup_id, path_hash) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(rollup_id, h) for h in delta.path_hashes],
            )
            if cur.rowcount > 0:
                cur.execute(
                    "UPDATE rollups SET distinct_paths = distinct_paths + ? WHERE id = ?",
                    (cur.rowcount, rollup_id),
                )

    def add_alerts(self, alerts: Sequence[Alert]) -> None:
        if not alerts:
            return
        created = datetime.now(UTC)
        rows = [codec.alert_row(self.dialect, a, uid=uuid.uuid4().hex, created=created) for a in alerts]
        with self._tx() as cur:
            cur.executemany(insert_sql("alerts", codec.ALERT_COLUMNS), rows)

    def add_findings(self, findings: Sequence[Finding], *, context: ScanContext) -> None:
        """Record a scan's findings with where they came from (even an empty scan's context)."""
        context_uid = uuid.uuid4().hex
        d = self.dialect
        rows = [
            codec.finding_row(d, f, uid=uuid.uuid4().hex, context_uid=context_uid, ts=context.ts)
            for f in findings
        ]
        with self._tx() as cur:
            cur.execute(
                insert_sql("scan_contexts", codec.CONTEXT_COLUMNS),
                codec.context_row(d, context, uid=context_uid),
            )
            if rows:
                cur.executemany(insert_sql("findings", codec.FINDING_COLUMNS), rows)

    def add_coverage(self, records: Sequence[Coverage]) -> None:
        if not records:
            return
        with self._tx() as cur:
            self._insert_coverage(cur, records)

    def _insert_coverage(self, cur: Cursor, records: Sequence[Coverage]) -> None:
        cur.executemany(
            insert_sql("coverage", codec.COVERAGE_COLUMNS),
            [codec.coverage_row(self.dialect, r, uid=uuid.uuid4().hex) for r in records],
        )

    # -- queries --------------------------------------------------------------------

    def _range(
        self, column: str, since: datetime, until: datetime | None, account: str | None, prefix: str = ""
    ) -> tuple[str, list[Any]]:
        where = [f"{prefix}{column} >= ?"]
        params: list[Any] = [self.dialect.ts_in(since)]
        if until is not None:
            where.append(f"{prefix}{column} < ?")
            params.append(self.dialect.ts_in(until))
        if account is not None:
            where.append(f"{prefix}account = ?")
            params.append(account)
        return " AND ".join(where), params

    def events(
        self,
        *,
        since: datetime,
        until: datetime | None = None,
        account: str | None = None,
        host: str | None = None,
        kinds: Iterable[str] | None = None,
    ) -> Iterator[Event]:
        """Streams in (ts, id) order, a page at a time, so an export never holds them all."""
        where, params = self._range("ts", since, until, account)
        if host is not None:
            where += " AND host = ?"
            params.append(host)
        if kinds is not None:
            kinds = sorted(set(kinds))
            where += f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds else " AND 1 = 0"
            params.extend(kinds)
        after: tuple[Any, Any] | None = None
        while True:
            page_where, page_params = where, list(params)
            if after is not None:
                page_where += " AND (ts > ? OR (ts = ? AND id > ?))"
                page_params += [after[0], after[0], after[1]]
            rows = self._read(
                f"SELECT id, {_cols(codec.EVENT_COLUMNS)} FROM events WHERE {page_where}"
                f" ORDER BY ts, id LIMIT {_PAGE}",
                page_params,
            )
            for row in rows:
                yield codec.event_from(self.dialect, row[1:])
            if len(rows) < _PAGE:
                return
            after = (rows[-1][1], rows[-1][0])

    def alerts(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[Alert]:
        where, params = self._range("window_end", since, until, account)
        rows = self._read(
            f"SELECT {_cols(codec.ALERT_COLUMNS)} FROM alerts WHERE {where} ORDER BY window_end, id", params
        )
        return [codec.alert_from(self.dialect, row) for row in rows]

    def findings(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[StoredFinding]:
        where, params = self._range("ts", since, until, account, prefix="f.")
        columns = f"{_cols(codec.FINDING_COLUMNS, 'f.')}, {_cols(codec.CONTEXT_COLUMNS, 'c.')}"
        rows = self._read(
            f"SELECT {columns}"
            f" FROM findings f JOIN scan_contexts c ON c.uid = f.context_uid{self._same_submitter}"
            f" WHERE {where} ORDER BY f.ts, f.id",
            params,
        )
        return [codec.stored_finding_from(self.dialect, row) for row in rows]

    _same_submitter = ""

    def rollups(
        self, *, since: datetime, until: datetime | None = None, account: str | None = None
    ) -> list[Rollup]:
        where, params = self._range("hour", rollup.hour_of(since), until, account)
        rows = self._read(
            f"SELECT {_cols(codec.ROLLUP_COLUMNS)} FROM rollups WHERE {where}"
            " ORDER BY hour, host, account, kind, action",
            params,
        )
        return [codec.rollup_from(self.dialect, row) for row in rows]

    def account_hours(
        self, *, since: datetime, until: datetime | None = None, exclude_kinds: Sequence[str] = ()
    ) -> list[AccountHour]:
        where, params = self._range("hour", rollup.hour_of(since), until, None)
        if exclude_kinds:
            where += f" AND kind NOT IN ({_placeholders(len(exclude_kinds))})"
            params += list(exclude_kinds)
        rows = self._read(
            f"SELECT hour, account, CAST(sum(count) AS BIGINT) FROM rollups WHERE {where}"
            " GROUP BY hour, account ORDER BY hour, account",
            params,
        )
        out = self.dialect.ts_out
        return [AccountHour(hour=out(hour), account=account, count=int(n)) for hour, account, n in rows]

    def host_spans(self, *, since: datetime, until: datetime | None = None) -> list[HostSpan]:
        where, params = self._range("hour", rollup.hour_of(since), until, None)
        rows = self._read(
            "SELECT host, account, min(hour), max(hour), CAST(sum(count) AS BIGINT) FROM rollups"
            f" WHERE {where} GROUP BY host, account ORDER BY host, account",
            params,
        )
        out = self.dialect.ts_out
        return [
            HostSpan(host=host, account=account, first=out(first), last=out(last), count=int(n))
            for host, account, first, last, n in rows
        ]

    def coverage(self, *, since: datetime, until: datetime | None = None) -> list[Coverage]:
        where, params = self._range("ts", since, until, None)
        rows = self._read(
            f"SELECT {_cols(codec.COVERAGE_COLUMNS)} FROM coverage WHERE {where} ORDER BY ts, id", params
        )
        return [codec.coverage_from(self.dialect, row) for row in rows]

    # -- retention ------------------------------------------------------------------

    def purge(self, *, events_before: datetime, rollups_before: datetime | None = None) -> Purged:
        d = self.dialect
        events_cut = d.ts_in(events_before)
        with self._tx() as cur:
            # Raw events forwarded centrally must not vanish unsent without a trace.
            cur.execute("SELECT last_id FROM outbox WHERE stream = 'events'")
            position = cur.fetchone()
            if position is not None:
                cur.execute("SELECT count(*) FROM events WHERE ts < ? AND id > ?", (events_cut, position[0]))
                lost = cur.fetchone()[0]
                if lost:
                    record = Coverage(
                        ts=datetime.now(UTC), host=socket.gethostname(), source="retention",
                        kind="purged-unforwarded", count=lost,
                        detail=f"{lost} raw events purged before they were forwarded",
                    )  # fmt: skip
                    self._insert_coverage(cur, [record])
            cur.execute("DELETE FROM events WHERE ts < ?", (events_cut,))
            events = cur.rowcount
            # Path sets only serve rollups that can still grow: those of hours with raw events.
            # Whole hours only: a rollup goes when its hour ended before the cut-off.
            paths_cut = rollup.hour_of(events_before)
            if rollups_before is not None:
                paths_cut = max(paths_cut, rollup.hour_of(rollups_before))
            cur.execute(
                "DELETE FROM rollup_paths WHERE rollup_id IN (SELECT id FROM rollups WHERE hour < ?)",
                (d.ts_in(paths_cut),),
            )
            rollups = 0
            if rollups_before is not None:
                cur.execute("DELETE FROM rollups WHERE hour < ?", (d.ts_in(rollup.hour_of(rollups_before)),))
                rollups = cur.rowcount
        log.info("purged %d raw events and %d rollups from %s", events, rollups, self.display)
        return Purged(events=events, rollups=rollups)
