"""The PostgreSQL store: a central store for a fleet, or a host's own.

One connection in autocommit mode; each write is an explicit transaction.
The URL's `?schema=` names the schema that holds sentinel's tables (default
`sentinel`), so a database can host several stores and tests can use a
throwaway schema. Migrations run under an advisory lock so agents starting
together apply them once; an agent role without DDL rights opens the store
with migrate=False (see roles.sql).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import sql

from sentinel.errors import StoreError
from sentinel.store import codec, migrate, urls
from sentinel.store.sqlbase import Cursor, Insert, SqlStore

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5
_LINK_SETTINGS = {
    "keepalives": 1,
    "keepalives_idle": 15,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,  # ms: unacknowledged data fails the connection
}
# Arbitrary constant: "sentinel migrations" as an advisory lock key.
_MIGRATION_LOCK = 0x5E471E1


class _Cursor:
    """A psycopg cursor taking the `?` placeholders the shared SQL is written with."""

    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    def execute(self, query: str, params: Sequence[Any] = (), /) -> Any:
        return self._cur.execute(query.replace("?", "%s"), params)

    def executemany(self, query: str, params: Sequence[Sequence[Any]], /) -> Any:
        return self._cur.executemany(query.replace("?", "%s"), params)

    def fetchone(self) -> Any:
        return self._cur.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall()


class PostgresStore(SqlStore):
    dialect = codec.POSTGRESQL
    uid_conflict = "(submitted_by, uid)"
    _same_submitter = " AND c.submitted_by = f.submitted_by"

    def __init__(
        self,
        url: urls.StoreUrl,
        *,
        migrate: bool = True,
        password: str | None = None,
        connect_timeout: float = CONNECT_TIMEOUT_S,
    ) -> None:
        self.url = url
        self.display = url.display
        self._password = password or ""
        self._lock = threading.RLock()
        self._store_id = ""
        self._staging: set[str] = set()
        extra: dict[str, Any] = {"connect_timeout": max(1, round(connect_timeout))}
        # A link that silently drops packets would otherwise block a send or a read for
        # the kernel's retransmission timeout (~15 min); these make it fail in ~30 s.
        # Settings written in the URL win.
        for key, value in _LINK_SETTINGS.items():
            if key not in url.dsn:
                extra[key] = value
        if password:
            extra["password"] = password
        try:
            self._conn = psycopg.connect(url.dsn, autocommit=True, application_name="sentinel", **extra)
        except psycopg.Error as exc:
            raise self._error("cannot connect to", exc) from None
        try:
            self._conn.execute("SET TIME ZONE 'UTC'")
            if migrate:
                self.migrate()
            self._conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(url.schema)))
        except psycopg.Error as exc:
            self._conn.close()
            raise self._error("cannot open", exc) from None
        except StoreError:
            self._conn.close()
            raise

    def _error(self, doing: str, exc: BaseException) -> StoreError:
        # libpq messages run over several lines; the first says what happened.
        text = str(exc).strip().splitlines()
        reason = text[0] if text else type(exc).__name__
        return StoreError(urls.redact(f"{doing} store {self.display}: {reason}", self._password))

    # -- engine hooks ---------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[Cursor]:
        with self._lock:
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    yield _Cursor(cur)
            except psycopg.Error as exc:
                raise self._error("error in", exc) from None

    def _read(self, query: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(query.replace("?", "%s"), params).fetchall()
            except psycopg.Error as exc:
                raise self._error("error in", exc) from None

    def _next_rev(self, cur: Cursor) -> int:
        cur.execute("SELECT nextval('rollup_rev')")
        return int(cur.fetchone()[0])

    @property
    def store_id(self) -> str:
        # Lazy: only direct writers need it, and an agent role may not read meta.
        if not self._store_id:
            with self._tx() as cur:
                cur.execute(
                    "INSERT INTO meta (key, value) VALUES ('store_id', ?) ON CONFLICT DO NOTHING",
                    (uuid.uuid4().hex,),
                )
                cur.execute("SELECT value FROM meta WHERE key = 'store_id'")
                self._store_id = str(cur.fetchone()[0])
        return self._store_id

    @property
    def broken(self) -> bool:
        """The connection is gone (server restarted, network cut): reopen the store."""
        return bool(self._conn.closed or self._conn.broken)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def receive(self, inserts: Sequence[Insert]) -> None:
        """Commit forwarded rows in one transaction.

        Rows are COPYed into a session-private staging table and moved with one
        INSERT ... SELECT carrying the conflict clause: several times cheaper on
        both sides than a statement per row, and still idempotent.
        """
        with self._lock:
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    for insert in inserts:
                        if not insert.rows:
                            continue
                        stage = self._staging_table(cur, insert.table)
                        columns = sql.SQL(", ").join(map(sql.Identifier, insert.columns))
                        copy = sql.SQL("COPY {} ({}) FROM STDIN").format(stage, columns)
                        with cur.copy(copy) as sink:
                            for row in insert.rows:
                                sink.write_row(row)
                        cur.execute(
                            sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} ").format(
                                sql.Identifier(insert.table), columns, columns, stage
                            )
                            + sql.SQL(insert.conflict)
                        )
                        cur.execute(sql.SQL("TRUNCATE {}").format(stage))
            except psycopg.Error as exc:
                self._staging.clear()  # rolled back with the transaction that made them
                raise self._error("error in", exc) from None

    def _staging_table(self, cur: psycopg.Cursor[Any], table: str) -> sql.Identifier:
        # Temporary tables need only the database's TEMP right (PUBLIC has it by default),
        # not SELECT on the real table; column types are read from the catalog so they
        # always match the central schema.
        name = f"sentinel_stage_{table}"
        if name not in self._staging:
            cur.execute(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                " WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                (table,),
            )
            columns = sql.SQL(", ").join(
                sql.SQL("{} {}").format(sql.Identifier(column), sql.SQL(kind))
                for column, kind in cur.fetchall()
            )
            cur.execute(
                sql.SQL("CREATE TEMP TABLE IF NOT EXISTS {} ({})").format(sql.Identifier(name), columns)
            )
            self._staging.add(name)
        return sql.Identifier(name)

    def execute_admin(self, *statements: sql.Composed) -> None:
        """Run parameterless statements (DDL, grants) in one transaction."""
        with self._lock:
            try:
                with self._conn.transaction():
                    for statement in statements:
                        self._conn.execute(statement)
            except psycopg.Error as exc:
                raise self._error("error in", exc) from None

    # -- schema ---------------------------------------------------------------------

    def schema_version(self) -> int:
        rows = self._read("SELECT max(version) FROM schema_version")
        return int(rows[0][0] or 0)

    def migrate(self) -> None:
        """Create the schema and apply pending migrations in one locked transaction."""
        schema = sql.Identifier(self.url.schema)
        with self._lock, self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(schema))
            self._conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(schema))
            self._conn.execute(migrate.VERSION_TABLE)
            row = self._conn.execute("SELECT max(version) FROM schema_version").fetchone()
            current = int(row[0] or 0) if row else 0
            known = migrate.latest("postgresql")
            if current > known:
                raise StoreError(
                    f"store {self.display} has schema version {current}, newer than this sentinel ({known})"
                )
            for step in migrate.migrations("postgresql"):
                if step.version > current:
                    self._conn.execute(step.sql.encode())
                    self._conn.execute(
                        "INSERT INTO schema_version VALUES (%s, %s, %s)",
                        (step.version, step.name, datetime.now(UTC).isoformat()),
                    )
                    log.info("store %s migrated to schema version %d", self.display, step.version)
