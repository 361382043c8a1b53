"""`sentinel provenance`: per-account profiles of who committed what, when and from where."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sentinel import __version__, output
from sentinel.commands.common import load_config, load_directory, parse_duration
from sentinel.errors import ExitCode, SentinelError
from sentinel.model import UNKNOWN_ACCOUNT
from sentinel.repo.provenance import load_recent, run_signals
from sentinel.repo.provenance.commits import repo_root
from sentinel.repo.provenance.profile import AccountProfile, profiles
from sentinel.reporting.scan_json import finding_dict

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


def run(
    *,
    repo: Path,
    since: str,
    account: str | None,
    fmt: str,
    config_path: Path | None,
    identities_path: Path | None,
    now: datetime | None = None,
) -> int:
    """Profile every account (or `account`) over the commits of the last `since`.

    Raises:
        SentinelError: bad duration, unknown account, broken config or identity file.
        GitError: not a repository.
    """
    window = parse_duration(since)
    # Plain git, not GitPython: its import alone costs a quarter second.
    root = repo_root(repo)
    config = load_config(config_path, root)
    directory = load_directory(identities_path, config)
    if account is not None and account != UNKNOWN_ACCOUNT.id and directory.by_id(account) is None:
        raise SentinelError(f"no account {account!r} in the identity directory")
    if not directory.accounts:
        log.warning("no identity directory (--identities, or identities: in the config): all are unknown")
    moment = now or datetime.now(UTC)
    commits = load_recent(root, window, config.provenance, now=moment)
    findings = run_signals(commits, directory, config.provenance, moment)
    found = profiles(commits, directory, findings, config.provenance, account=account)
    log.info("%d commits in the last %s, %d findings", len(commits.review), since, len(findings))
    if fmt == "json":
        output.write(render_json(found, since=since, now=moment, commits=len(commits.review)))
    else:
        output.write(render_text(found, since=since))
    return ExitCode.CLEAN


def render_text(found: tuple[AccountProfile, ...], *, since: str) -> str:
    if not found:
        return f"no commits in the last {since}\n"
    blocks = []
    for p in found:
        zone = f"{p.timezone} ({p.country})" if p.country else p.timezone or "no declared zone"
        head = f"{p.account}  {p.name or '-'}  {p.role.value}  {zone}  hours {p.hours or '-'}"
        lines = [head]
        if p.commits:
            lines.append(f"  commits:     {p.commits} ({p.first:%Y-%m-%d} .. {p.last:%Y-%m-%d})")
        else:
            lines.append(f"  commits:     none in the last {since}")
        if p.offsets:
            seen = "  ".join(f"{offset} x{count}" for offset, count in p.offsets)
            declared = f"   (declared: {'/'.join(p.declared)})" if p.declared else ""
            lines.append(f"  offsets:     {seen}{declared}")
        if p.off_hours_share is not None:
            lines.append(f"  off hours:   {p.off_hours_share:.0%}")
        for identity, count in p.identities:
            lines.append(f"  identity:    {identity} x{count}")
        if not p.findings:
            lines.append("  findings:    none")
        for f in p.findings:
            lines.append(f"  {f.severity.value.upper():8} {f.rule_id}: {f.message}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def render_json(found: tuple[AccountProfile, ...], *, since: str, now: datetime, commits: int) -> str:
    document = {
        "version": FORMAT_VERSION,
        "sentinel_version": __version__,
        "since": since,
        "now": now.isoformat(),
        "commits": commits,
        "accounts": [_profile_dict(p) for p in found],
        "summary": {"accounts": len(found), "findings": sum(len(p.findings) for p in found)},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _profile_dict(p: AccountProfile) -> dict[str, Any]:
    return {
        "account": p.account,
        "name": p.name,
        "role": p.role.value,
        "country": p.country,
        "timezone": p.timezone,
        "hours": p.hours or None,
        "commits": p.commits,
        "first": p.first.isoformat() if p.first else None,
        "last": p.last.isoformat() if p.last else None,
        "offsets": dict(p.offsets),
        "declared_offsets": list(p.declared),
        "off_hours_share": None if p.off_hours_share is None else round(p.off_hours_share, 3),
        "identities": dict(p.identities),
        "findings": [finding_dict(f) for f in p.findings],
    }
