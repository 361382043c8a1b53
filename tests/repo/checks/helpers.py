"""Build ChangedFiles and run one check the way run_checks does, with the shipped settings."""

from __future__ import annotations

from functools import cache

from sentinel import resources
from sentinel.model import Finding
from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks import ChecksSettings, load_settings, run_checks


@cache
def shipped() -> ChecksSettings:
    return load_settings(resources.rules_dir() / "checks.yaml")


def changed(path: str, content: str | bytes, added: set[int] | None = None) -> ChangedFile:
    """A changed file; every line counts as added unless `added` says otherwise."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    is_binary = b"\0" in data[:8000]
    lines = 0 if is_binary else len(data.decode("utf-8", "replace").splitlines())
    return ChangedFile(
        path=path,
        content=data,
        added=frozenset(range(1, lines + 1) if added is None else added),
        is_binary=is_binary,
        status="A",
    )


def findings(check_id: str, path: str, content: str | bytes, added: set[int] | None = None) -> list[Finding]:
    """Findings of one check only, with the settings from rules/checks.yaml."""
    settings = shipped()
    only = ChecksSettings(checks={check_id: settings.checks[check_id]}, source=settings.source)
    return run_checks([changed(path, content, added)], only)
