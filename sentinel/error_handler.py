"""Exceptions -> exit codes: one clear line for expected errors, a crash log otherwise."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path

from sentinel import __version__
from sentinel.errors import ExitCode, SentinelError

log = logging.getLogger("sentinel")


def crash_log_path() -> Path:
    state = os.environ.get("SENTINEL_LOG_DIR") or os.environ.get("XDG_STATE_HOME")
    base = Path(state) if state else Path.home() / ".local" / "state"
    return base / "sentinel" / "crash.log"


@contextlib.contextmanager
def error_handler() -> Iterator[None]:
    """Turn exceptions into SystemExit with sentinel's exit codes."""
    try:
        yield
    except SentinelError as exc:
        log.error("%s", exc)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        log.error("interrupted")
        raise SystemExit(ExitCode.INTERRUPTED) from None
    except Exception:
        path = _write_crash_log(traceback.format_exc())
        log.error("unexpected error; the traceback is in %s", path)
        raise SystemExit(ExitCode.CRASH) from None


def _write_crash_log(text: str) -> Path:
    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"### sentinel {__version__}\n{text}\n")
    except OSError:  # a read-only home must not hide the traceback
        fd, name = tempfile.mkstemp(prefix="sentinel-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        path = Path(name)
    return path
