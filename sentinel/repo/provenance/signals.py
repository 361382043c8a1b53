"""Every provenance signal, by rule id (without the `provenance.` prefix).

Adding a signal: one module with a check function, one line here, tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Finding

from . import committer, dates, hours, identity, paths, timezone, volume
from .context import Commits

Signal = Callable[[Commits, Directory, ProvenanceConfig, datetime], Iterable[Finding]]

SIGNALS: dict[str, Signal] = {
    "timezone-mismatch": timezone.check_mismatch,
    "timezone-hopping": timezone.check_hopping,
    "off-hours-pattern": hours.check,
    "unknown-identity": identity.check_unknown,
    "new-identity": identity.check_new,
    "shared-identity": identity.check_shared,
    "committer-mismatch": committer.check_mismatch,
    "unsigned-commit": committer.check_unsigned,
    "backdated": dates.check_backdated,
    "future-dated": dates.check_future,
    "after-end-date": dates.check_after_end,
    "sensitive-path": paths.check,
    "mass-change": volume.check,
}


def run_signals(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> list[Finding]:
    """All signals' findings, in registry order."""
    return [f for signal in SIGNALS.values() for f in signal(commits, directory, settings, now)]
