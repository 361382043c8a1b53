"""Suppression: inline `nosentinel` comments and a baseline file of fingerprints.

An insider controls the comments in their own diff, so an inline suppression
never hides a critical finding, and one added in the scanned range is itself
reported (rule `sentinel.suppression-added`). Baselines are fingerprints
without line numbers, so they survive code moving.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sentinel.errors import ConfigError
from sentinel.model import Finding, Severity
from sentinel.repo.changes import ChangedFile

_MARKER = re.compile(r"nosentinel(?::\s*([\w.\-]+(?:\s*,\s*[\w.\-]+)*))?", re.IGNORECASE)
BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Suppression:
    kept: tuple[Finding, ...]
    suppressed: int
    added_markers: tuple[Finding, ...]  # inline suppressions introduced by the scanned change


def inline_marker(line: str, rule_id: str) -> bool:
    """True when `line` carries `nosentinel` for every rule or names `rule_id`."""
    match = _MARKER.search(line)
    if not match:
        return False
    if match[1] is None:
        return True
    return rule_id in {r.strip() for r in match[1].split(",")}


def apply(findings: Sequence[Finding], files: Iterable[ChangedFile], baseline: frozenset[str]) -> Suppression:
    by_path = {f.path: f for f in files}
    kept, suppressed, markers = [], 0, []
    for finding in findings:
        if finding.fingerprint in baseline:
            suppressed += 1
            continue
        changed = by_path.get(finding.path)
        marked = _marked_line(changed, finding) if changed and finding.line else None
        if marked is None or finding.severity == Severity.CRITICAL:
            kept.append(finding)
            continue
        suppressed += 1
        if changed is not None and marked in changed.added:
            markers.append(_marker_finding(finding, marked))
    return Suppression(kept=tuple(kept), suppressed=suppressed, added_markers=tuple(markers))


def _marked_line(changed: ChangedFile, finding: Finding) -> int | None:
    """The line carrying a marker for this finding: its own first line or the one above."""
    lines = changed.lines()
    assert finding.line is not None
    for number in (finding.line, finding.line - 1):
        if 1 <= number <= len(lines) and inline_marker(lines[number - 1], finding.rule_id):
            return number
    return None


def _marker_finding(finding: Finding, line: int) -> Finding:
    return Finding(
        rule_id="sentinel.suppression-added",
        severity=Severity.MEDIUM,
        message=f"an inline nosentinel added in this change hides {finding.rule_id} "
        f"({finding.severity}); review that the suppression is justified",
        path=finding.path,
        line=line,
        end_line=line,
        snippet=finding.snippet,
        confidence="high",
        category="suppression",
        commit=finding.commit,
        evidence=(finding.rule_id,),
    )


def load_baseline(path: Path) -> frozenset[str]:
    """Fingerprints in a baseline file written by --write-baseline.

    Raises:
        ConfigError: the file is missing or not a sentinel baseline.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["fingerprints"]
        return frozenset(str(e["fingerprint"]) for e in entries)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a sentinel baseline file ({exc.__class__.__name__}: {exc})") from None


def write_baseline(path: Path, findings: Iterable[Finding]) -> None:
    entries = sorted(
        ({"fingerprint": f.fingerprint, "rule": f.rule_id, "path": f.path} for f in findings),
        key=lambda e: (e["path"], e["rule"], e["fingerprint"]),
    )
    unique = list({e["fingerprint"]: e for e in entries}.values())
    text = json.dumps({"version": BASELINE_VERSION, "fingerprints": unique}, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
