"""SARIF 2.1.0 as GitHub code scanning expects it.

Rules carry short/full descriptions, help, tags and `security-severity`;
results carry `partialFingerprints` without line numbers and URIs relative to
the repository root.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from sentinel import __version__
from sentinel.model import Finding, Severity
from sentinel.repo.scan import RuleDoc, ScanReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/sentinel-insider/sentinel"
# GitHub buckets: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
_SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "0.0",
}
_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}


def render(report: ScanReport) -> str:
    rule_ids = sorted({f.rule_id for f in report.findings})
    docs = {rid: report.rules.get(rid) or _doc_from(report, rid) for rid in rule_ids}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "sentinel",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(docs[rid]) for rid in rule_ids],
            }
        },
        "results": [_result(f, rule_ids.index(f.rule_id)) for f in report.findings],
        "columnKind": "utf16CodeUnits",
    }
    if report.head:
        run["versionControlProvenance"] = [
            {"repositoryUri": _file_uri(report.repository), "revisionId": report.head}
        ]
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _doc_from(report: ScanReport, rule_id: str) -> RuleDoc:
    first = next(f for f in report.findings if f.rule_id == rule_id)
    return RuleDoc(
        id=rule_id,
        severity=first.base_severity or first.severity,
        message=first.message,
        category=first.category,
        cwe=first.cwe,
        attack=first.attack,
    )


def _rule(doc: RuleDoc) -> dict[str, Any]:
    short = doc.message.split(";")[0].strip() or doc.id
    full = doc.description or doc.message or doc.id
    tags = ["security", *([doc.category] if doc.category else []), *doc.cwe, *doc.attack]
    help_text = f"{full}\n\n{doc.message}".strip()
    return {
        "id": doc.id,
        "name": doc.id,
        "shortDescription": {"text": short[:1024]},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _LEVEL[doc.severity]},
        "properties": {
            "tags": tags,
            "security-severity": _SECURITY_SEVERITY[doc.severity],
            "precision": "high",
        },
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": _message(finding)},
        "partialFingerprints": {"sentinel/v1": finding.fingerprint},
        "properties": {
            "security-severity": _SECURITY_SEVERITY[finding.severity],
            "severity": str(finding.severity),
            "account": finding.account,
            "role": str(finding.role),
            **({"commit": finding.commit.sha} if finding.commit and finding.commit.sha else {}),
        },
    }
    if finding.path:
        # GitHub shows a result only with a region; whole-file and commit-level findings
        # (a binary, a provenance signal) are pinned to the file's first line.
        start = finding.line or 1
        region = {"startLine": start, "endLine": max(finding.end_line or start, start)}
        result["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path), "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ]
    return result


def _message(finding: Finding) -> str:
    text = finding.message
    if finding.commit and finding.commit.sha:
        text += f" (added in {finding.commit.sha[:12]} by {finding.commit.author_email}, {finding.role})"
    if finding.escalation:
        text += f" [{finding.escalation}]"
    return text


def _uri(path: str) -> str:
    """A relative URI: percent-encoded UTF-8, raw bytes kept for non-UTF-8 names."""
    return quote(os.fsencode(path), safe="/")


def _file_uri(path: str) -> str:
    return "file://" + quote(os.fsencode(path), safe="/")
