"""The four records that flow between sentinel's layers.

Every layer passes these frozen dataclasses; serialisation lives at the edges
(store, reporting). This module imports nothing else of sentinel.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)

    def raised(self, steps: int) -> Severity:
        """This severity moved `steps` levels up (or down), clamped to the scale."""
        index = min(max(self.rank + steps, 0), len(_SEVERITY_ORDER) - 1)
        return _SEVERITY_ORDER[index]


_SEVERITY_ORDER = (Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL)


class Role(StrEnum):
    EMPLOYEE = "employee"
    CONTRACTOR = "contractor"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class Account:
    """A person in the identity directory (config/identities.example.yaml)."""

    id: str
    name: str = ""
    role: Role = Role.UNKNOWN
    emails: tuple[str, ...] = ()
    usernames: tuple[str, ...] = ()
    uids: tuple[int, ...] = ()
    hosts: tuple[str, ...] = ()
    country: str = ""
    timezone: str = ""
    hours: tuple[time, time] | None = None
    approved_remotes: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    require_signed: bool = False
    integrator: bool = False


UNKNOWN_ACCOUNT = Account(id="unknown", role=Role.UNKNOWN)


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitRef:
    """The commit that added a finding's first line, and who wrote it."""

    sha: str
    author_name: str
    author_email: str
    author_date: datetime | None = None


_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """Something wrong in code or in a commit's metadata."""

    rule_id: str
    severity: Severity
    message: str
    path: str
    line: int | None = None
    end_line: int | None = None
    snippet: str = ""
    confidence: str = "medium"
    category: str = ""
    cwe: tuple[str, ...] = ()
    attack: tuple[str, ...] = ()
    commit: CommitRef | None = None
    account: str = UNKNOWN_ACCOUNT.id
    role: Role = Role.UNKNOWN
    # Set when role weighting changed the rule's own severity; says why.
    base_severity: Severity | None = None
    escalation: str = ""
    evidence: tuple[str, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Rule, path and whitespace-normalised line text: no line numbers, so
        baselines and SARIF alerts survive code moving."""
        text = _SPACE.sub(" ", self.snippet).strip()
        # Commit-level findings have no snippet; their evidence identifies them.
        key = "\0".join((self.rule_id, self.path, text or "\n".join(self.evidence)))
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One observed activity on an endpoint."""

    ts: datetime
    host: str
    account: str
    kind: str  # file, process, network, repo, mount, coverage
    action: str  # read, write, create, move, delete, exec, connect, push, ...
    path: str = ""
    dest_path: str = ""
    argv: tuple[str, ...] = ()
    remote: str = ""
    bytes: int = 0
    pid: int | None = None
    attributed_by: str = ""  # audit-auid, host-account, path-owner, none
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Alert:
    """A detector's conclusion from events."""

    detector: str
    severity: Severity
    account: str
    role: Role
    host: str
    window_start: datetime
    window_end: datetime
    message: str
    attack: str = ""
    evidence: tuple[str, ...] = ()
    base_severity: Severity | None = None
    escalation: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=())
