"""Store URLs, credentials and redaction.

`sqlite:///abs/path.db` (or a bare path) names an embedded store;
`postgresql://user@host:port/db?schema=NAME` a PostgreSQL one. Passwords come
from the environment (PGPASSWORD, PGPASSFILE: libpq reads them itself) or from
a credentials file only its owner can read; they never appear in a message.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sentinel.errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_SCHEMA = "sentinel"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# user:password@ in a URL, and password=... in a keyword DSN or query string.
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*):[^@\s]*@")
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('[^']*'|[^\s&]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreUrl:
    engine: str  # "sqlite" or "postgresql"
    path: Path | None = None  # sqlite
    dsn: str = ""  # postgresql, without sentinel's own ?schema= parameter
    schema: str = DEFAULT_SCHEMA  # postgresql

    @property
    def display(self) -> str:
        """The URL for messages: never with a password."""
        return f"sqlite://{self.path}" if self.engine == "sqlite" else redact(self.dsn)


def parse(url: str) -> StoreUrl:
    """Raises StoreError for an unknown scheme or a bad schema name."""
    if url.startswith("sqlite://"):
        rest = url[len("sqlite://") :]
        if not rest:
            raise StoreError("sqlite store URL needs a path: sqlite:///abs/path.db")
        return StoreUrl(engine="sqlite", path=Path(rest).expanduser())
    if url.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        schema = DEFAULT_SCHEMA
        kept = []
        for key, value in query:
            if key == "schema":
                schema = value
            else:
                kept.append((key, value))
        if not _SCHEMA_NAME.match(schema):
            raise StoreError(f"bad schema name {schema!r} in store URL (lower-case letters, digits, _)")
        if parts.password:
            # Accepted, but it ends up in process listings and shell history.
            log.warning("the store URL carries a password; prefer PGPASSWORD or a credentials file")
        dsn = urlunsplit(parts._replace(query=urlencode(kept)))
        return StoreUrl(engine="postgresql", dsn=dsn, schema=schema)
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(f"unknown store URL scheme {scheme!r}: use sqlite:///path or postgresql://...")
    return StoreUrl(engine="sqlite", path=Path(url).expanduser())


def redact(text: str, *secrets: str) -> str:
    """`text` with URL and keyword passwords, and any of `secrets`, replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1:***@", text)
    text = _KEYWORD_PASSWORD.sub(r"\1***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def read_credentials(path: Path) -> str:
    """The password in `path` (its first line), refusing a file others can read.

    Raises:
        StoreError: missing, unreadable, or readable/writable by group or others.
    """
    try:
        info = path.stat()
    except OSError as exc:
        raise StoreError(f"credentials file {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"credentials file {path} is not a regular file")
    if info.st_mode & 0o077:
        raise StoreError(
            f"credentials file {path} is accessible to group or others "
            f"(mode {stat.S_IMODE(info.st_mode):04o}); run: chmod 600 {path}"
        )
    if info.st_uid != os.geteuid():
        raise StoreError(f"credentials file {path} is not owned by the user running sentinel")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"credentials file {path}: {exc.strerror}") from None
    lines = text.splitlines()
    password = lines[0].strip() if lines else ""
    if not password:
        raise StoreError(f"credentials file {path} is empty")
    return password
