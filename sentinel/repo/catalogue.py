"""The rule catalogue: every Semgrep rule and Python check with its metadata, and what is wrong with it.

One place answers "which rules exist and are they well-formed": `sentinel rules list` prints it,
`sentinel rules test` and tests/rules/test_rule_metadata.py fail on its problems (missing metadata,
id != file stem, missing or one-sided fixtures).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sentinel import yamlfile
from sentinel.errors import ConfigError
from sentinel.model import Severity
from sentinel.repo.checks.settings import CATEGORIES, CONFIDENCES, MATURITIES, ChecksSettings

METADATA = ("category", "confidence", "cwe", "mitre", "maturity", "description", "false_positives")
SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO")
_CWE = re.compile(r"^CWE-\d+(: .+)?$")
_ATTACK = re.compile(r"^T\d{4}(\.\d{3})?$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    id: str
    kind: str  # "semgrep" or "check"
    severity: Severity
    category: str
    languages: tuple[str, ...]
    maturity: str
    confidence: str
    mitre: tuple[str, ...]
    cwe: tuple[str, ...]
    description: str
    path: Path


def semgrep_rules(folder: Path) -> tuple[Entry, ...]:
    """Every rule file in `folder`, sorted by id; malformed metadata is left for `problems`.

    Raises:
        ConfigError: a rule file is not valid YAML.
    """
    entries = []
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        for rule in _rules(yamlfile.load(path).data):
            meta = rule.get("metadata") or {}
            entries.append(
                Entry(
                    id=str(rule.get("id", "")),
                    kind="semgrep",
                    severity=_severity(rule.get("severity")),
                    category=str(meta.get("category", "")),
                    languages=tuple(str(x) for x in rule.get("languages") or ()),
                    maturity=str(meta.get("maturity", "")),
                    confidence=str(meta.get("confidence", "")),
                    mitre=_strings(meta.get("mitre")),
                    cwe=_strings(meta.get("cwe")),
                    description=" ".join(str(meta.get("description", "")).split()),
                    path=path,
                )
            )
    return tuple(sorted(entries, key=lambda e: e.id))


def checks(settings: ChecksSettings) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            id=c.id,
            kind="check",
            severity=c.severity,
            category=c.category,
            languages=("python-check",),
            maturity=c.maturity,
            confidence=c.confidence,
            mitre=c.mitre,
            cwe=c.cwe,
            description=" ".join(c.description.split()),
            path=settings.source or Path("checks.yaml"),
        )
        for c in sorted(settings.checks.values(), key=lambda c: c.id)
    )


def problems(folder: Path, fixtures: Path | None) -> list[str]:
    """Everything wrong with the Semgrep rules in `folder` (and their fixtures, when given)."""
    found: list[str] = []
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        try:
            rules = _rules(yamlfile.load(path).data)
        except ConfigError as exc:
            found.append(str(exc))
            continue
        if len(rules) != 1:
            found.append(f"{path}: holds {len(rules)} rules; one rule per file")
        for rule in rules:
            found.extend(f"{path}: {p}" for p in _rule_problems(rule, path.stem))
            if fixtures is not None:
                found.extend(f"{path}: {p}" for p in fixture_problems(str(rule.get("id", "")), fixtures))
    return found


def fixture_problems(rule_id: str, fixtures: Path) -> list[str]:
    """A rule needs at least one fixture `<id>.<ext>` (one per extension for multi-language rules),
    and each fixture needs a `ruleid:` and an `ok:` case."""
    matches = sorted(p for p in fixtures.glob(f"{rule_id}.*") if p.is_file() and p.stem == rule_id)
    if not matches:
        return [f"no fixture {fixtures}/{rule_id}.<ext>"]
    out = []
    for fixture in matches:
        text = fixture.read_text(encoding="utf-8", errors="replace")
        if not re.search(rf"\bruleid:\s*{re.escape(rule_id)}\b", text):
            out.append(f"fixture {fixture.name} has no `ruleid: {rule_id}` case")
        if not re.search(rf"\bok:\s*{re.escape(rule_id)}\b", text):
            out.append(f"fixture {fixture.name} has no `ok: {rule_id}` case")
    return out


def _rule_problems(rule: dict[str, Any], stem: str) -> Iterable[str]:
    rule_id = rule.get("id")
    if rule_id != stem:
        yield f"id {rule_id!r} differs from the file name {stem!r}"
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        yield f"id {rule_id!r} is not kebab-case"
    if rule.get("severity") not in SEVERITIES:
        yield f"severity {rule.get('severity')!r} is not one of {', '.join(SEVERITIES)}"
    if not str(rule.get("message", "")).strip():
        yield "message is empty"
    meta = rule.get("metadata")
    if not isinstance(meta, dict):
        yield "metadata is missing"
        return
    for key in METADATA:
        if key not in meta or meta[key] in (None, "", []):
            yield f"metadata.{key} is missing"
    for key, allowed in (("category", CATEGORIES), ("confidence", CONFIDENCES), ("maturity", MATURITIES)):
        if key in meta and meta[key] not in allowed:
            yield f"metadata.{key} {meta[key]!r} is not one of {', '.join(allowed)}"
    for key, pattern in (("cwe", _CWE), ("mitre", _ATTACK)):
        value = meta.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(pattern.match(str(v)) for v in value)
        ):
            yield f"metadata.{key} must be a list like {'CWE-506: ...' if key == 'cwe' else 'T1195.002'}"
    refs = meta.get("references", [])
    if not isinstance(refs, list) or not all(str(r).startswith(("https://", "http://")) for r in refs):
        yield "metadata.references must be a list of URLs"


def _rules(data: Any) -> list[dict[str, Any]]:
    rules = data.get("rules") if isinstance(data, dict) else None
    return [r for r in rules if isinstance(r, dict)] if isinstance(rules, list) else []


def _severity(value: Any) -> Severity:
    # Semgrep's legacy ERROR/WARNING names are still accepted by the engine.
    text = str(value or "info").lower()
    legacy = {"error": Severity.HIGH, "warning": Severity.MEDIUM}
    if text in legacy:
        return legacy[text]
    return Severity(text) if text in {s.value for s in Severity} else Severity.INFO


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),) if value else ()
