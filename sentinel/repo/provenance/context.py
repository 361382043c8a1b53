"""What every provenance signal shares: the commits under review, their baseline, and
how a finding about some commits is worded and weighted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sentinel.identities import Directory
from sentinel.model import Account, Finding, Role, Severity

from .commits import CommitInfo

CATEGORY = "provenance"
_SHOWN = 5  # commits named in a message; evidence carries the rest
_EVIDENCE = 200  # beyond this a finding lists a count, not every sha


@dataclass(frozen=True, slots=True, kw_only=True)
class Commits:
    """The commits under review, and older commits that say what is normal."""

    review: tuple[CommitInfo, ...]
    history: tuple[CommitInfo, ...] = ()
    _shas: frozenset[str] = field(init=False, repr=False, compare=False)
    _everything: tuple[CommitInfo, ...] = field(init=False, repr=False, compare=False)
    # Groupings by author, per directory: every signal needs them, computing them once matters at 10k.
    _groups: dict[int, tuple[Directory, dict[str, list[CommitInfo]]]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_shas", frozenset(c.sha for c in self.review))
        everything = sorted((*self.history, *self.review), key=lambda c: c.author_date.timestamp())
        object.__setattr__(self, "_everything", tuple(everything))
        object.__setattr__(self, "_groups", {})

    def reviewed(self, commit: CommitInfo) -> bool:
        return commit.sha in self._shas

    def everything(self) -> tuple[CommitInfo, ...]:
        """History then review, oldest author date first."""
        return self._everything

    def by_author(self, directory: Directory) -> dict[str, list[CommitInfo]]:
        """Known accounts' commits (all of them, oldest first); unknown authors are left out.

        The result is shared between signals: read it, never change it.
        """
        cached = self._groups.get(id(directory))
        if cached is not None and cached[0] is directory:
            return cached[1]
        grouped: dict[str, list[CommitInfo]] = defaultdict(list)
        for commit in self._everything:
            account = directory.by_email(commit.author_email)
            if account.role is not Role.UNKNOWN:
                grouped[account.id].append(commit)
        self._groups[id(directory)] = (directory, grouped)
        return grouped


def author_of(directory: Directory, commit: CommitInfo) -> Account:
    return directory.by_email(commit.author_email)


def describe(commits: Sequence[CommitInfo]) -> str:
    """`3 commits (abc, def, 012) from 2026-03-01 to 2026-03-04`."""
    shown = ", ".join(c.short for c in commits[:_SHOWN])
    more = f" and {len(commits) - _SHOWN} more" if len(commits) > _SHOWN else ""
    dates = sorted(c.author_date.date() for c in commits)
    span = f"on {dates[0]}" if dates[0] == dates[-1] else f"from {dates[0]} to {dates[-1]}"
    noun = "commit" if len(commits) == 1 else "commits"
    return f"{len(commits)} {noun} ({shown}{more}) {span}"


def finding(
    *,
    rule: str,
    account: Account,
    severity: Severity,
    contractor: Severity | None = None,
    message: str,
    commits: Sequence[CommitInfo],
    path: str = "",
    confidence: str = "medium",
    attack: tuple[str, ...] = (),
) -> Finding:
    """A finding about `commits`, pinned to the first of them.

    `severity` applies to employees; `contractor` (default: one level up) to
    contractors and unknown authors, whose claims these checks exist to test.
    """
    elevated = contractor if contractor is not None else severity.raised(1)
    raised = account.role is not Role.EMPLOYEE and elevated != severity
    evidence = tuple(c.sha for c in commits[:_EVIDENCE])
    if len(commits) > _EVIDENCE:
        evidence = (*evidence, f"... and {len(commits) - _EVIDENCE} more commits")
    return Finding(
        rule_id=f"provenance.{rule}",
        severity=elevated if raised else severity,
        message=message,
        path=path,
        line=None,
        confidence=confidence,
        category=CATEGORY,
        attack=attack,
        commit=commits[0].ref() if commits else None,
        account=account.id,
        role=account.role,
        # Role weighting is already applied here (base_severity says so when it
        # raised anything); the scan pipeline must not weight these again.
        base_severity=severity if raised else None,
        escalation=f"{account.role.value} author: raised from {severity.value}" if raised else "",
        evidence=evidence,
    )
