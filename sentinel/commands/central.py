"""`sentinel central init|add-agent`: set up a central PostgreSQL store.

Run as the schema owner (an admin), never by agents: `init` creates or
upgrades the schema and (re)applies the roles, grants and row policies of
sql/postgresql/roles.sql; `add-agent` creates one host's login role.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sentinel.errors import StoreError
from sentinel.store import access, urls
from sentinel.store.postgres import PostgresStore

log = logging.getLogger(__name__)


def _open(url: str, password_file: Path | None) -> PostgresStore:
    parsed = urls.parse(url)
    if parsed.engine != "postgresql":
        raise StoreError(f"a central store is a postgresql:// URL, not {parsed.display}")
    password = urls.read_credentials(password_file) if password_file else None
    return PostgresStore(parsed, migrate=True, password=password)


def init(*, url: str, password_file: Path | None, agent_role: str, reader_role: str) -> int:
    store = _open(url, password_file)
    try:
        access.grant(store, agent=agent_role, reader=reader_role)
        log.info(
            "central store %s at schema version %d; agents: members of %s, analysts: of %s",
            store.display,
            store.schema_version(),
            agent_role,
            reader_role,
        )
    finally:
        store.close()
    return 0


def add_agent(
    *, url: str, password_file: Path | None, login: str, agent_password_file: Path | None, agent_role: str
) -> int:
    agent_password = urls.read_credentials(agent_password_file) if agent_password_file else None
    store = _open(url, password_file)
    try:
        access.add_agent(store, login, password=agent_password, agent=agent_role)
        log.info("login role %s added to %s", login, agent_role)
    finally:
        store.close()
    return 0
