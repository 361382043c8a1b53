"""PostgreSQL roles and grants for a central store (see sql/postgresql/roles.sql).

An admin migrates the central schema as its owner, then runs `grant` once and
`add_agent` per host. Each host logs in as its own role, a member of the agent
group role: it can insert its rows and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from psycopg import sql

from sentinel.store.postgres import PostgresStore

_ROLES_SQL = Path(__file__).resolve().parent / "sql" / "postgresql" / "roles.sql"

AGENT_ROLE = "sentinel_agent"
READER_ROLE = "sentinel_reader"


def grant(store: PostgresStore, *, agent: str = AGENT_ROLE, reader: str = READER_ROLE) -> None:
    """Create the group roles if missing, grant them, and (re)create the row policies."""
    statement = sql.SQL(_ROLES_SQL.read_text("utf-8")).format(
        schema=sql.Identifier(store.url.schema),
        agent=sql.Identifier(agent),
        reader=sql.Identifier(reader),
        agent_name=sql.Literal(agent),
        reader_name=sql.Literal(reader),
    )
    store.execute_admin(statement)


def add_agent(
    store: PostgresStore, login: str, *, password: str | None = None, agent: str = AGENT_ROLE
) -> None:
    """Create a host's login role in the agent group (password None: peer/cert auth)."""
    parts = [sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(login))]
    if password is not None:
        parts.append(sql.SQL("PASSWORD {}").format(sql.Literal(password)))
    parts.append(sql.SQL("IN ROLE {}").format(sql.Identifier(agent)))
    store.execute_admin(sql.SQL(" ").join(parts))


def drop_role(store: PostgresStore, role: str) -> None:
    """Drop a role and everything it was granted in this database (not its rows)."""
    store.execute_admin(
        sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)),
        sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)),
    )
