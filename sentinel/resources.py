"""Where the bundled rules and example config live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries the top-level folders inside the package (see pyproject's
    # force-include); a source checkout or editable install has them beside it.
    installed = _PACKAGE / "_data" / name
    return installed if installed.exists() else _PACKAGE.parent / name


def rules_dir() -> Path:
    return _bundled("rules")


def config_dir() -> Path:
    return _bundled("config")
