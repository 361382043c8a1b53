"""rules/checks.yaml -> ChecksSettings: each check's metadata, severity, message and options.

Every key is validated: an unknown field, a missing metadata key or a bad value is a ConfigError
naming the file, the line and the key, so a typo never silently disables a threshold.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sentinel import yamlfile
from sentinel.model import Severity
from sentinel.repo.checks.base import CheckSpec

CATEGORIES = (
    "auth-bypass", "rce", "reverse-shell", "download-exec", "exfiltration", "persistence",
    "logic-bomb", "weakened-security", "install-hook", "ci-tampering", "dependency-hijack",
    "crypto-diversion", "obfuscation",
)  # fmt: skip
CONFIDENCES = ("high", "medium", "low")
MATURITIES = ("stable", "experimental")
REQUIRED = (
    "severity", "message", "category", "confidence", "cwe", "mitre", "maturity", "description",
    "false_positives",
)  # fmt: skip
OPTIONAL = ("references", "enabled", "exclude", "options")


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckSettings:
    id: str
    severity: Severity
    message: str
    category: str
    confidence: str
    cwe: tuple[str, ...]
    mitre: tuple[str, ...]
    maturity: str
    description: str
    false_positives: str
    references: tuple[str, ...] = ()
    enabled: bool = True
    exclude: tuple[str, ...] = ()  # path globs this check never looks at
    options: Any = None  # the check's own frozen options dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecksSettings:
    checks: Mapping[str, CheckSettings] = field(default_factory=dict)
    source: Path | None = None


def parse(doc: yamlfile.Located, registry: Mapping[str, CheckSpec]) -> ChecksSettings:
    """Build ChecksSettings from a parsed checks.yaml against the registry.

    Raises:
        ConfigError: unknown or missing checks, unknown fields, bad values.
    """
    data = doc.data
    if not isinstance(data, dict) or set(data) != {"checks"} or not isinstance(data["checks"], dict):
        raise doc.error((), "expected a single top-level `checks:` mapping of check id -> settings")
    entries: dict[str, CheckSettings] = {}
    for check_id, entry in data["checks"].items():
        keys: tuple[str | int, ...] = ("checks", str(check_id))
        if check_id not in registry:
            known = ", ".join(sorted(registry))
            raise doc.error(keys, f"no Python check has this id (known: {known})")
        entries[check_id] = _entry(doc, keys, str(check_id), entry, registry[check_id])
    missing = sorted(set(registry) - set(entries))
    if missing:
        raise doc.error(("checks",), f"settings missing for check(s): {', '.join(missing)}")
    return ChecksSettings(checks=entries, source=doc.path)


def _entry(
    doc: yamlfile.Located, keys: tuple[str | int, ...], check_id: str, entry: Any, spec: CheckSpec
) -> CheckSettings:
    if not isinstance(entry, dict):
        raise doc.error(keys, "must be a mapping")
    for key in entry:
        if key not in REQUIRED and key not in OPTIONAL:
            raise doc.error((*keys, str(key)), "unknown field")
    for key in REQUIRED:
        if key not in entry:
            raise doc.error(keys, f"missing required field `{key}`")

    def text(key: str) -> str:
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise doc.error((*keys, key), "must be a non-empty string")
        return value.strip()

    def strings(key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise doc.error((*keys, key), "must be a list of strings")
        return tuple(value)

    def choice(key: str, allowed: tuple[str, ...]) -> str:
        value = text(key).lower()
        if value not in allowed:
            raise doc.error((*keys, key), f"must be one of {', '.join(allowed)}, not {value!r}")
        return value

    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise doc.error((*keys, "enabled"), "must be true or false")
    cwe, mitre = strings("cwe"), strings("mitre")
    if not cwe or not mitre:
        raise doc.error((*keys, "cwe" if not cwe else "mitre"), "must list at least one id")
    return CheckSettings(
        id=check_id,
        severity=Severity(choice("severity", tuple(s.value for s in Severity))),
        message=text("message"),
        category=choice("category", CATEGORIES),
        confidence=choice("confidence", CONFIDENCES),
        cwe=cwe,
        mitre=mitre,
        maturity=choice("maturity", MATURITIES),
        description=text("description"),
        false_positives=text("false_positives"),
        references=strings("references"),
        enabled=enabled,
        exclude=strings("exclude"),
        options=_options(doc, (*keys, "options"), entry.get("options") or {}, spec.options),
    )


def _options(doc: yamlfile.Located, keys: tuple[str | int, ...], raw: Any, cls: type[Any]) -> Any:
    if not isinstance(raw, dict):
        raise doc.error(keys, "must be a mapping")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in names:
            raise doc.error((*keys, str(key)), f"unknown option (known: {', '.join(sorted(names))})")
        values[key] = _value(doc, (*keys, key), hints[key], value)
    return cls(**values)


def _value(doc: yamlfile.Located, keys: tuple[str | int, ...], kind: Any, value: Any) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
    elif kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif kind is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif kind is str:
        if isinstance(value, str):
            return value
    elif kind is Severity:
        try:
            return Severity(str(value).lower())
        except ValueError:
            pass
    elif (
        typing.get_origin(kind) is tuple
        and isinstance(value, list)
        and all(isinstance(v, str) for v in value)
    ):
        return tuple(value)
    name = getattr(kind, "__name__", str(kind))
    raise doc.error(keys, f"must be {name}, not {value!r}")
