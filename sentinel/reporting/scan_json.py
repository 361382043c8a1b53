"""The documented, stable JSON form of a scan report (see README "JSON output")."""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import TYPE_CHECKING, Any

from sentinel import __version__
from sentinel.model import Finding, Severity

if TYPE_CHECKING:  # importing the scan pipeline would load GitPython for nothing
    from sentinel.repo.scan import ScanReport

FORMAT_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    commit = finding.commit
    return {
        "rule": finding.rule_id,
        "severity": str(finding.severity),
        "confidence": finding.confidence,
        "category": finding.category,
        "message": finding.message,
        "path": printable(finding.path),
        "line": finding.line,
        "end_line": finding.end_line,
        "snippet": finding.snippet,
        "commit": commit.sha if commit and commit.sha else None,
        "author": f"{commit.author_name} <{commit.author_email}>" if commit else None,
        "author_date": commit.author_date.isoformat() if commit and commit.author_date else None,
        "account": finding.account,
        "role": str(finding.role),
        "fingerprint": finding.fingerprint,
        "cwe": list(finding.cwe),
        "attack": list(finding.attack),
        "base_severity": str(finding.base_severity) if finding.base_severity else None,
        "escalation": finding.escalation or None,
        "evidence": list(finding.evidence),
    }


def summary(report: ScanReport, exit_code: int) -> dict[str, Any]:
    counts = Counter(str(f.severity) for f in report.findings)
    return {
        "files_scanned": report.files_scanned,
        "findings": len(report.findings),
        "by_severity": {str(s): counts.get(str(s), 0) for s in reversed(Severity)},
        "blocking": len(report.blocking),
        "fail_on": str(report.fail_on),
        "exit_code": exit_code,
        "sentinel_version": __version__,
    }


def render(report: ScanReport, exit_code: int) -> str:
    document = {
        "version": FORMAT_VERSION,
        "range": {"base": report.base, "head": report.head, "merge_base": report.merge_base},
        "findings": [finding_dict(f) for f in report.findings],
        "suppressed": report.suppressed,
        "skipped": [{"path": printable(s.path), "reason": s.reason} for s in report.skipped],
        "summary": summary(report, exit_code),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def printable(path: str) -> str:
    """A path that is valid text: undecodable bytes (kept via surrogateescape) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")
