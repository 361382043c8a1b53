"""The embedded store: one SQLite file in WAL mode.

WAL lets `sentinel alerts` read while the agent writes; the busy timeout makes
a second writer wait instead of failing. Writes take the lock up front
(BEGIN IMMEDIATE) so a read-then-write transaction cannot deadlock against
another process. The file is created 0600: it holds who touched what.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sentinel.errors import StoreError
from sentinel.store import codec, migrate
from sentinel.store.sqlbase import Cursor, SqlStore

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 10.0


class SqliteStore(SqlStore):
    dialect = codec.SQLITE

    def __init__(self, path: Path, *, migrate: bool = True) -> None:
        self.path = path
        self.display = f"sqlite://{path}"
        self._lock = threading.RLock()
        if not migrate and not path.exists():
            # A reader (alerts, digest, export) must not create an empty store and then
            # fail on its missing tables: say plainly that nothing is there.
            raise StoreError(f"no store at {self.display} (has the agent or a scan with --store run?)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            # Autocommit mode: transactions are begun and ended explicitly below.
            self._conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode is durable across process crashes (not power loss) and
            # far cheaper than FULL: the agent's "nothing lost" is about kill -9.
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open store {self.display}: {exc}") from None
        if migrate:
            self.migrate()
        self._store_id = self._load_store_id()

    # -- engine hooks ---------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[Cursor]:
        with self._lock:
            cur = self._conn.cursor()
            try:
                cur.execute("BEGIN IMMEDIATE")
                yield cur
                cur.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise StoreError(f"store {self.display}: {exc}") from None
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            finally:
                cur.close()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"store {self.display}: {exc}") from None

    def _next_rev(self, cur: Cursor) -> int:
        cur.execute(
            "INSERT INTO meta (key, value) VALUES ('rollup_rev', '1')"
            " ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value"
        )
        return int(cur.fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- schema ---------------------------------------------------------------------

    def schema_version(self) -> int:
        rows = self._read("SELECT max(version) FROM schema_version")
        return int(rows[0][0] or 0)

    def migrate(self) -> None:
        """Apply pending migrations, each in its own transaction."""
        with self._tx() as cur:
            cur.execute(migrate.VERSION_TABLE)
        current = self.schema_version()
        known = migrate.latest("sqlite")
        if current > known:
            raise StoreError(
                f"store {self.display} has schema version {current}, newer than this sentinel ({known})"
            )
        for step in migrate.migrations("sqlite"):
            if step.version <= current:
                continue
            with self._lock:
                try:
                    # executescript commits on its own, so the whole step is one script.
                    self._conn.executescript(
                        f"BEGIN IMMEDIATE;\n{step.sql}\n"
                        f"INSERT INTO schema_version VALUES ({step.version}, '{step.name}',"
                        f" '{datetime.now(UTC).isoformat()}');\nCOMMIT;"
                    )
                except sqlite3.Error as exc:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    if self.schema_version() >= step.version:
                        continue  # another process applied it first
                    raise StoreError(f"store {self.display}: migration {step.name} failed: {exc}") from None
            log.info("store %s migrated to schema version %d", self.display, step.version)

    @property
    def store_id(self) -> str:
        return self._store_id

    def _load_store_id(self) -> str:
        with self._tx() as cur:
            cur.execute(
                "INSERT INTO meta (key, value) VALUES ('store_id', ?) ON CONFLICT DO NOTHING",
                (uuid.uuid4().hex,),
            )
            cur.execute("SELECT value FROM meta WHERE key = 'store_id'")
            return str(cur.fetchone()[0])
