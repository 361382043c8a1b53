"""Small helpers for reading provenance findings in tests."""

from __future__ import annotations

from sentinel.model import Finding


def only(findings: list[Finding], rule: str) -> list[Finding]:
    """The findings of `provenance.<rule>`."""
    return [f for f in findings if f.rule_id == f"provenance.{rule}"]


def rule_ids(findings: list[Finding]) -> set[str]:
    return {f.rule_id for f in findings}
