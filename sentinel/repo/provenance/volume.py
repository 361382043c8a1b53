"""Mass change: deletions, binaries or generated files far beyond an account's habit.

Sabotage on the way out is often a large deletion; smuggling is often a
binary blob or a "generated" file nobody reviews line by line. Each reviewed
commit is compared with the author's own history: it must exceed a floor
(mass_deleted_lines, mass_binary_files, mass_generated_lines) and, when the
author has at least mass_min_history earlier commits, mass_factor times the
90th percentile of those commits.

False positives: planned removals of dead code, vendoring, asset imports,
lockfile regeneration. Severity is medium for deletions, low for additions,
one level up for contractors and unknown authors.
ATT&CK: T1485 (Data Destruction), T1027 (Obfuscated Files or Information).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Finding, Severity

from .commits import CommitInfo
from .context import Commits, author_of, describe, finding
from .globs import compile_globs, matches

Metric = Callable[[CommitInfo], int]


def check(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    generated = compile_globs(settings.generated_paths)
    is_generated: dict[str, bool] = {}

    def generated_lines(commit: CommitInfo) -> int:
        total = 0
        for stat in commit.files:
            if stat.added:
                if stat.path not in is_generated:
                    is_generated[stat.path] = matches(generated, stat.path)
                total += stat.added if is_generated[stat.path] else 0
        return total

    measures: tuple[tuple[str, Metric, int, Severity, str], ...] = (
        ("deleted lines", lambda c: c.lines_deleted, settings.mass_deleted_lines, Severity.MEDIUM, "T1485"),
        ("binary files", lambda c: c.binary_files, settings.mass_binary_files, Severity.LOW, "T1027"),
        ("generated lines added", generated_lines, settings.mass_generated_lines, Severity.LOW, "T1027"),
    )
    history: dict[str, list[CommitInfo]] = {}
    for commit in commits.history:
        history.setdefault(author_of(directory, commit).id, []).append(commit)
    for commit in commits.review:
        account = author_of(directory, commit)
        own = history.get(account.id, []) if account.id != "unknown" else []
        for label, metric, floor, severity, attack in measures:
            value = metric(commit)
            if value < floor:
                continue
            limit, how = floor, f"the floor; under {settings.mass_min_history} earlier commits to compare"
            if len(own) >= settings.mass_min_history:
                usual = _p90([metric(c) for c in own])
                limit = max(floor, int(settings.mass_factor * max(usual, 1)))
                how = f"{settings.mass_factor:g} x {usual}, the 90th percentile of {len(own)} earlier commits"
                if value < limit:
                    continue
            yield finding(
                rule="mass-change",
                account=account,
                severity=severity,
                message=(
                    f"expected under {limit} {label} per commit from {account.id} ({how}); seen {value} "
                    f"in {describe([commit])}"
                ),
                commits=[commit],
                attack=(attack,),
            )


def _p90(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
