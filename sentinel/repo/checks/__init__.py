"""Python checks: the backdoor signals Semgrep cannot express (unicode tricks, blobs, binaries...).

One module per check, listed in the CHECKS literal below; thresholds and metadata live in
rules/checks.yaml. Adding a check = one module + one line here + one entry there + one table test.
The scan pipeline calls `load_settings(rules_dir() / "checks.yaml")` once and `run_checks(files,
settings)` per scan; attribution, suppression and role weighting happen after, as for Semgrep.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from sentinel import yamlfile
from sentinel.model import Finding
from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks import (
    archives,
    bidi,
    binaries,
    confusables,
    encoded,
    invisible,
    minified,
    typosquat,
    wallets,
)
from sentinel.repo.checks.base import CheckSpec, Hit, matches_any
from sentinel.repo.checks.settings import CheckSettings, ChecksSettings, parse

log = logging.getLogger(__name__)

CHECKS: dict[str, CheckSpec] = {
    "unicode-bidi-control": CheckSpec(bidi.Options, bidi.scan),
    "unicode-invisible-char": CheckSpec(invisible.Options, invisible.scan),
    "confusable-identifier": CheckSpec(confusables.Options, confusables.scan),
    "encoded-blob": CheckSpec(encoded.Options, encoded.scan),
    "minified-code": CheckSpec(minified.Options, minified.scan),
    "binary-executable": CheckSpec(binaries.Options, binaries.scan),
    "compressed-file": CheckSpec(archives.Options, archives.scan),
    "dependency-typosquat": CheckSpec(typosquat.Options, typosquat.scan),
    "crypto-wallet-literal": CheckSpec(wallets.Options, wallets.scan),
}

__all__ = ["CHECKS", "CheckSettings", "ChecksSettings", "load_settings", "run_checks"]


def load_settings(path: Path) -> ChecksSettings:
    """Read rules/checks.yaml.

    Raises:
        ConfigError: naming file, line and key of anything unknown, missing or malformed.
    """
    return parse(yamlfile.load(path), CHECKS)


def run_checks(files: Sequence[ChangedFile], settings: ChecksSettings) -> list[Finding]:
    """Every enabled check over every file; only hits on added lines (or whole new binaries)."""
    findings: list[Finding] = []
    for check_id, spec in CHECKS.items():
        conf = settings.checks.get(check_id)
        if conf is None or not conf.enabled:
            continue
        for file in files:
            if conf.exclude and matches_any(file.path, conf.exclude):
                continue
            for hit in spec.scan(file, conf.options if conf.options is not None else spec.options()):
                if hit.line is not None and not file.touches(hit.line, hit.end_line):
                    continue
                findings.append(_finding(conf, file, hit))
    log.debug("python checks: %d finding(s) over %d file(s)", len(findings), len(files))
    return findings


def _finding(conf: CheckSettings, file: ChangedFile, hit: Hit) -> Finding:
    return Finding(
        rule_id=conf.id,
        severity=hit.severity or conf.severity,
        message=f"{conf.message} ({hit.detail})" if hit.detail else conf.message,
        path=file.path,
        line=hit.line,
        end_line=hit.end_line if hit.end_line is not None else hit.line,
        snippet=hit.snippet,
        confidence=conf.confidence,
        category=conf.category,
        cwe=conf.cwe,
        attack=conf.mitre,
        evidence=(hit.detail,) if hit.detail else (),
    )
