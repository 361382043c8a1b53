"""Findings, alerts and coverage gaps as evidence an analyst can open: commit links from
the configured template, paths, destinations, and times in UTC and in the account's zone.

Strings here are kept raw; the renderers escape them for their format.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sentinel.model import Account, Alert, CommitRef, Severity
from sentinel.repo.provenance.zones import format_offset
from sentinel.reporting.digest.model import Evidence, Link
from sentinel.store import StoredFinding

_SHA = re.compile(r"^[0-9a-fA-F]{7,64}$")
_DETAILS = 12  # evidence lines kept per item; the store has the rest


def utc_text(ts: datetime) -> str:
    return f"{ts.astimezone(ZoneInfo('UTC')):%Y-%m-%d %H:%M} UTC"


def local_text(ts: datetime, account: Account | None) -> str:
    """`2026-11-24 15:05 CET (UTC+01:00)` in the declared zone; "" when none is declared."""
    if account is None or not account.timezone:
        return ""
    try:
        moment = ts.astimezone(ZoneInfo(account.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    offset = format_offset(moment.utcoffset() or timedelta(0))
    return f"{moment:%Y-%m-%d %H:%M} {moment.tzname()} (UTC{offset})"


def repo_path(repository: str) -> str:
    """`https://git.example.com/org/app.git` or `/srv/git/org/app.git` -> `org/app`-like path."""
    text = repository.strip()
    parts = urlsplit(text)
    path = parts.path if parts.scheme and parts.netloc else text
    if ":" in path and not parts.scheme and "@" in path:  # scp-like git@host:org/app.git
        path = path.split(":", 1)[1]
    path = path.strip("/")
    return path[:-4] if path.endswith(".git") else path


def commit_link(template: str, repository: str, sha: str) -> Link:
    """The commit's URL from `template`, or a bare sha when that would not be a safe http(s) URL."""
    short = sha[:12]
    if not template or not _SHA.match(sha):
        return Link(text=short, url="")
    path = repo_path(repository)
    url = (
        template.replace("{repo}", quote(path, safe="/"))
        .replace("{repo_name}", quote(path.rsplit("/", 1)[-1], safe=""))
        .replace("{sha}", sha.lower())
    )
    if urlsplit(url).scheme not in ("http", "https"):
        return Link(text=short, url="")
    return Link(text=short, url=url)


def _commit_fields(
    commit: CommitRef | None, repository: str, template: str, account: Account | None
) -> dict[str, object]:
    if commit is None:
        return {}
    fields: dict[str, object] = {
        "commit": commit_link(template, repository, commit.sha),
        "author": f"{commit.author_name} <{commit.author_email}>",
    }
    if commit.author_date is not None:
        own = commit.author_date
        fields["commit_time_utc"] = utc_text(own)
        declared = local_text(own, account)
        own_offset = own.utcoffset()
        offset = format_offset(own_offset) if own_offset is not None else "?"
        fields["commit_time_local"] = (
            f"{declared}; the commit says UTC{offset}" if declared else f"the commit says UTC{offset}"
        )
    return fields


def from_finding(
    evidence_id: str, stored: StoredFinding, *, account: Account | None, template: str
) -> Evidence:
    f, context = stored.finding, stored.context
    details: list[str] = []
    if f.snippet:
        details.append(f"line: {f.snippet.strip()}")
    if f.escalation:
        details.append(f"severity: {f.escalation}")
    if f.attack:
        details.append(f"ATT&CK: {', '.join(f.attack)}")
    if context.pipeline:
        details.append(f"pipeline: {context.pipeline}")
    if context.base or context.head:
        details.append(f"range: {context.base[:12]}..{context.head[:12]}")
    details.extend(f.evidence[: _DETAILS - len(details)])
    if len(f.evidence) > _DETAILS - 5:
        details.append(f"... {len(f.evidence)} evidence lines in the store")
    return Evidence(
        id=evidence_id,
        kind="finding",
        signal=f.rule_id,
        severity=f.severity,
        title=f.message,
        when_utc=utc_text(context.ts),
        when_local=local_text(context.ts, account),
        where=context.repository,
        path=f.path,
        line=f.line,
        details=tuple(details),
        **_commit_fields(f.commit, context.repository, template, account),  # type: ignore[arg-type]
    )


def from_alert(evidence_id: str, alert: Alert, *, account: Account | None) -> Evidence:
    details = [
        f"window: {utc_text(alert.window_start)} to {utc_text(alert.window_end)}",
        *((f"ATT&CK: {alert.attack}",) if alert.attack else ()),
        *((f"severity: {alert.escalation}",) if alert.escalation else ()),
        *alert.evidence[:_DETAILS],
    ]
    return Evidence(
        id=evidence_id,
        kind="alert",
        signal=alert.detector,
        severity=alert.severity,
        title=alert.message,
        when_utc=utc_text(alert.window_end),
        when_local=local_text(alert.window_end, account),
        where=alert.host,
        details=tuple(details),
    )


def silent_host(
    evidence_id: str, *, host: str, last_seen: datetime, at: datetime, account: Account | None
) -> Evidence:
    hours = (at - last_seen).total_seconds() / 3600
    return Evidence(
        id=evidence_id,
        kind="coverage",
        signal="silent-agent",
        severity=Severity.MEDIUM,
        title=f"no activity or heartbeat from the agent on {host} for {hours:.0f} hours",
        when_utc=utc_text(last_seen),
        when_local=local_text(last_seen, account),
        where=host,
        details=(f"last seen: {utc_text(last_seen)}", f"checked at: {utc_text(at)}"),
    )
