"""Loading shared by the commands: config, identities, durations."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sentinel import config as config_module
from sentinel import identities
from sentinel.config import Config
from sentinel.errors import SentinelError
from sentinel.identities import Directory

_DURATION = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def load_config(path: Path | None, repo: Path | None = None) -> Config:
    return config_module.load(path, repo=repo)


def load_directory(cli_path: Path | None, config: Config) -> Directory:
    path = cli_path or config.identities
    return identities.load(path) if path is not None else Directory.of(())


def parse_duration(text: str) -> timedelta:
    """'90d', '12h', '2w' -> timedelta.

    Raises:
        SentinelError: not a duration.
    """
    match = _DURATION.match(text.strip())
    if not match:
        raise SentinelError(f"not a duration: {text!r} (use e.g. 30m, 12h, 7d, 2w)")
    return timedelta(**{_UNITS[match[2]]: int(match[1])})
