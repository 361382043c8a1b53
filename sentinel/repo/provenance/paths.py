"""Sensitive paths: contractors changing what guards everything else.

Authentication, cryptography, CI/CD, build and release, infrastructure as
code, access-control lists and CODEOWNERS decide who gets in and what ships.
A contractor's change there deserves a second reviewer even when the diff
looks harmless; the scan's code rules judge the content, this signal only
says who touched what. Roles and globs are configurable (sensitive_roles,
sensitive_paths, by category).

False positives: contractors hired for exactly this work (narrow the globs or
roles in config); broad globs such as `*session*` on unrelated files.
ATT&CK: T1195.002 (Compromise Software Supply Chain).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Finding, Severity

from .commits import CommitInfo
from .context import Commits, author_of, describe, finding
from .globs import compile_globs, first_match, matches


def check(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    categories = {name: compile_globs(tuple(globs)) for name, globs in settings.sensitive_paths.items()}
    seen: dict[str, str | None] = {}  # path -> category; the same paths recur across commits

    def category_of(path: str) -> str | None:
        if path not in seen:
            seen[path] = next((name for name, pattern in categories.items() if matches(pattern, path)), None)
        return seen[path]

    touched: dict[tuple[str, str, str], list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        account = author_of(directory, commit)
        if account.role not in settings.sensitive_roles:
            continue
        for stat in commit.files:
            category = category_of(stat.path)
            if category is not None:
                touched[(account.id, stat.path, category)].append(commit)
    for (_, path, category), found in touched.items():
        account = author_of(directory, found[0])
        glob = first_match(settings.sensitive_paths[category], path)
        yield finding(
            rule="sensitive-path",
            account=account,
            severity=Severity.LOW,
            contractor=Severity.MEDIUM,
            message=(
                f"expected {account.role.value} authors to stay out of sensitive paths without a second "
                f"review; seen {account.id} change {path} ({category}: {glob}) in {describe(found)}"
            ),
            commits=found,
            path=path,
            confidence="high",
            attack=("T1195.002",),
        )
