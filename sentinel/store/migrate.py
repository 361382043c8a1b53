"""Schema migrations: numbered .sql files per engine, applied once each.

sql/<engine>/NNNN_name.sql are applied in order; schema_version records each
one. Both engines get the same numbers so a store's version means the same
tables wherever it lives. A store newer than this code is refused rather than
written with an old idea of its columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_SQL = Path(__file__).resolve().parent / "sql"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at text NOT NULL
)"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(engine: str) -> tuple[Migration, ...]:
    found = []
    for path in sorted((_SQL / engine).glob("*.sql")):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(version=int(match[1]), name=path.stem, sql=path.read_text("utf-8")))
    return tuple(found)


def latest(engine: str) -> int:
    return max((m.version for m in migrations(engine)), default=0)
