"""Human-readable scan output; colour only when writing to a terminal."""

from __future__ import annotations

from collections import Counter

from sentinel.model import Finding, Severity
from sentinel.repo.scan import ScanReport
from sentinel.reporting.scan_json import printable

_COLOURS = {
    Severity.CRITICAL: "\033[1;35m",
    Severity.HIGH: "\033[1;31m",
    Severity.MEDIUM: "\033[33m",
    Severity.LOW: "\033[36m",
    Severity.INFO: "\033[2m",
}
_RESET = "\033[0m"


def render(report: ScanReport, *, colour: bool) -> str:
    lines = []
    for finding in report.findings:
        lines.extend(_finding(finding, colour))
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _finding(finding: Finding, colour: bool) -> list[str]:
    label = f"{finding.severity.upper():<8}"
    if colour:
        label = f"{_COLOURS[finding.severity]}{label}{_RESET}"
    where = printable(finding.path) + (f":{finding.line}" if finding.line else "")
    out = [f"{label} {finding.rule_id}  {where}", f"         {finding.message}"]
    if finding.snippet:
        out.append(f"         > {finding.snippet}")
    if finding.commit:
        sha = finding.commit.sha[:12] or "(staged)"
        out.append(
            f"         commit {sha} by {finding.commit.author_name} <{finding.commit.author_email}>"
            f" [{finding.role}: {finding.account}]"
        )
    if finding.escalation:
        out.append(f"         {finding.escalation}")
    out.append("")
    return out


def _summary(report: ScanReport) -> str:
    if not report.findings:
        text = f"No findings in {report.files_scanned} changed file(s)."
    else:
        counts = ", ".join(
            f"{n} {s}" for s in reversed(Severity) if (n := sum(f.severity == s for f in report.findings))
        )
        text = f"{len(report.findings)} finding(s) ({counts}) in {report.files_scanned} changed file(s)."
    if report.suppressed:
        text += f" {report.suppressed} suppressed."
    if report.skipped:
        reasons = Counter(s.reason for s in report.skipped)
        text += f" {len(report.skipped)} skipped (" + ", ".join(f"{n} {r}" for r, n in reasons.items()) + ")."
    if report.blocking:
        text += f" {len(report.blocking)} at or above --fail-on {report.fail_on}."
    return text
