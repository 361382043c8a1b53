"""Who added a line: git blame at head, then the identity directory and role weights."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone

from sentinel.config import WeightsConfig
from sentinel.identities import Directory
from sentinel.model import CommitRef, Finding, Role
from sentinel.repo.git import Repository


def blame(repo: Repository, head: str, path: str, lines: Iterable[int]) -> dict[int, CommitRef]:
    """The commit that last touched each of `lines` of `path` at `head`."""
    wanted = sorted(set(lines))
    if not wanted:
        return {}
    ranges = [arg for n in wanted for arg in ("-L", f"{n},{n}")]
    # subprocess encodes `path` with surrogateescape, so non-UTF-8 names reach git intact.
    return _parse_porcelain(repo.run("blame", "--porcelain", *ranges, head, "--", path))


def last_commit(repo: Repository, head: str, path: str) -> CommitRef | None:
    """The newest commit up to `head` that touched `path`: for whole-file findings such as binaries."""
    out = repo.run("log", "-1", "--format=%H%x00%an%x00%ae%x00%at %ad", "--date=format:%z", head, "--", path)
    fields = out.decode("utf-8", "replace").strip().split("\0")
    if len(fields) != 4:
        return None
    sha, name, email, stamp = fields
    epoch, tz = stamp.split()
    return _commit_ref(sha, {"author": name, "author-mail": email, "author-time": epoch, "author-tz": tz})


def _parse_porcelain(out: bytes) -> dict[int, CommitRef]:
    headers: dict[str, dict[str, str]] = {}
    result: dict[int, CommitRef] = {}
    sha, final_line = "", 0
    for raw in out.split(b"\n"):
        if raw.startswith(b"\t") or not raw:
            continue
        text = raw.decode("utf-8", "replace")
        first, _, rest = text.partition(" ")
        if len(first) == 40 and all(c in "0123456789abcdef" for c in first):
            sha, final_line = first, int(rest.split()[1])
            headers.setdefault(sha, {})
            result[final_line] = CommitRef(sha=sha, author_name="", author_email="")
        else:
            headers[sha][first] = rest
    return {line: _commit_ref(ref.sha, headers[ref.sha]) for line, ref in result.items()}


def _commit_ref(sha: str, header: dict[str, str]) -> CommitRef:
    when = None
    if "author-time" in header:
        tz = header.get("author-tz", "+0000")
        sign = -1 if tz.startswith("-") else 1
        offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * sign
        when = datetime.fromtimestamp(int(header["author-time"]), UTC).astimezone(timezone(offset))
    return CommitRef(
        sha=sha,
        author_name=header.get("author", ""),
        author_email=header.get("author-mail", "").strip("<>"),
        author_date=when,
    )


def weigh(finding: Finding, directory: Directory, weights: WeightsConfig) -> Finding:
    """Resolve the finding's author to an account and raise severity by role."""
    email = finding.commit.author_email if finding.commit else ""
    account = directory.by_email(email)
    steps = {Role.EMPLOYEE: weights.employee, Role.CONTRACTOR: weights.contractor}.get(
        account.role, weights.unknown
    )
    raised = finding.severity.raised(steps)
    weighted = dataclasses.replace(finding, account=account.id, role=account.role)
    if raised == finding.severity:
        return weighted
    who = f"{account.role} author" + (f" {email}" if account.role == Role.UNKNOWN and email else "")
    return dataclasses.replace(
        weighted,
        severity=raised,
        base_severity=finding.severity,
        escalation=f"raised {steps:+d} level(s) from {finding.severity} because the {who} "
        f"is weighted by config weights.{account.role}",
    )
