"""One scan: a git range (or the index, or a whole tree) -> a ScanReport.

Collect the post-images of changed files, run Semgrep once and the Python
checks, keep what touches added lines, attribute each finding to the commit and
account that added it, weigh it by role, then apply suppressions.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sentinel import resources
from sentinel.config import Config
from sentinel.errors import ExitCode
from sentinel.identities import Directory
from sentinel.model import CommitRef, Finding, Severity
from sentinel.repo import attribution, checks, diff, provenance, semgrep, suppress
from sentinel.repo.changes import ChangedFile, Skipped
from sentinel.repo.git import EMPTY_TREE, Repository

log = logging.getLogger(__name__)

# Semgrep's legacy severities, for rules written before CRITICAL..LOW existed.
_LEGACY_SEVERITY = {"ERROR": Severity.HIGH, "WARNING": Severity.MEDIUM, "INFO": Severity.LOW}
_SNIPPET_CHARS = 300


class Mode(StrEnum):
    RANGE = "range"  # merge-base(base, head)..head, or head's own commit
    STAGED = "staged"  # the index against HEAD
    ALL = "all"  # every file at head


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleDoc:
    """What SARIF and the catalogue say about a rule."""

    id: str
    severity: Severity
    message: str = ""
    description: str = ""
    category: str = ""
    cwe: tuple[str, ...] = ()
    attack: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanReport:
    repository: str
    base: str | None
    head: str | None
    merge_base: str | None
    findings: tuple[Finding, ...]
    suppressed: int
    skipped: tuple[Skipped, ...]
    files_scanned: int
    fail_on: Severity
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity.rank >= self.fail_on.rank)

    def return_code(self, *, exit_zero: bool = False) -> int:
        if self.blocking and not exit_zero:
            return ExitCode.FINDINGS
        return ExitCode.CLEAN


def scan(
    repo: Repository,
    *,
    mode: Mode,
    config: Config,
    directory: Directory,
    base: str | None = None,
    head: str = "HEAD",
    before: str | None = None,
    baseline: frozenset[str] = frozenset(),
    now: datetime | None = None,
) -> ScanReport:
    """Scan and return the report; raises SentinelError subclasses for bad input."""
    limits: dict[str, Any] = {"max_bytes": config.scan.max_file_bytes, "exclude": config.scan.exclude}
    merge_base = head_sha = None
    if mode is Mode.STAGED:
        changes = diff.staged_changes(repo, **limits)
    else:
        head_sha = repo.resolve(head)
        before, merge_base = _before(repo, mode, base, head_sha, before)
        changes = diff.range_changes(repo, before, head_sha, **limits)
    log.info("scanning %d changed file(s), %d skipped", len(changes.files), len(changes.skipped))

    docs: dict[str, RuleDoc] = {}
    findings, engine_skipped = _code_findings(changes.files, config, docs)
    findings = [attribution.weigh(f, directory, config.weights) for f in _attribute(repo, head_sha, findings)]
    outcome = suppress.apply(findings, changes.files, baseline)
    kept = [*outcome.kept, *(attribution.weigh(f, directory, config.weights) for f in outcome.added_markers)]
    suppressed = outcome.suppressed
    if head_sha is not None and mode is Mode.RANGE:
        # Provenance findings arrive already weighted by role; only the baseline applies.
        rev_range = head_sha if before == EMPTY_TREE else f"{before}..{head_sha}"
        found = provenance.check_range(
            repo.root, rev_range, directory, config.provenance, now=now or datetime.now(UTC)
        )
        placed = _place_commit_findings(repo, found)
        suppressed += sum(f.fingerprint in baseline for f in placed)
        kept.extend(f for f in placed if f.fingerprint not in baseline)
    kept.sort(key=lambda f: (-f.severity.rank, f.path, f.line or 0, f.rule_id))
    return ScanReport(
        repository=str(repo.root),
        base=base if mode is Mode.RANGE else None,
        head=head_sha,
        merge_base=merge_base,
        findings=tuple(kept),
        suppressed=suppressed,
        skipped=(*changes.skipped, *engine_skipped),
        files_scanned=len(changes.files),
        fail_on=config.scan.fail_on,
        rules=docs,
    )


def _before(
    repo: Repository, mode: Mode, base: str | None, head_sha: str, before: str | None
) -> tuple[str, str | None]:
    """The tree-ish diffed against, and the merge base when one was asked for."""
    if mode is Mode.ALL:
        return EMPTY_TREE, None
    if before is not None:  # the caller (a hook) already knows which commits are new
        return before, None
    if base is not None:
        merge_base = repo.merge_base(repo.resolve(base), head_sha)
        return merge_base or EMPTY_TREE, merge_base  # unrelated histories: everything at head is new
    parents = repo.parents(head_sha)
    return (parents[0] if parents else EMPTY_TREE), None


def _code_findings(
    files: Sequence[ChangedFile], config: Config, docs: dict[str, RuleDoc]
) -> tuple[list[Finding], tuple[Skipped, ...]]:
    """One Semgrep run and the Python checks over the post-images; only added lines count."""
    engine = semgrep.run(
        files,
        semgrep_rules(config),
        timeout=config.scan.semgrep_timeout,
        jobs=config.scan.semgrep_jobs,
        max_bytes=config.scan.max_file_bytes,
    )
    by_path = {f.path: f for f in files}
    matched = [_from_match(m, by_path[m.path], docs) for m in engine.matches if m.path in by_path]
    findings = [f for f in matched if f is not None]
    findings.extend(_python_checks(files, config, docs))
    return findings, engine.skipped


def _from_match(match: semgrep.Match, changed: ChangedFile, docs: dict[str, RuleDoc]) -> Finding | None:
    if not changed.touches(match.line, match.end_line):
        return None
    meta = match.metadata
    severity = _severity(match.severity)
    doc = RuleDoc(
        id=match.rule_id,
        severity=severity,
        message=match.message,
        description=" ".join(str(meta.get("description", "")).split()),
        category=str(meta.get("category", "")),
        cwe=_strings(meta.get("cwe")),
        attack=_strings(meta.get("mitre", meta.get("attack"))),
    )
    docs.setdefault(match.rule_id, doc)
    return Finding(
        rule_id=match.rule_id,
        severity=severity,
        message=" ".join(match.message.split()),
        path=match.path,
        line=match.line,
        end_line=match.end_line,
        snippet=snippet(changed, match.line),
        confidence=str(meta.get("confidence", "medium")).lower(),
        category=doc.category,
        cwe=doc.cwe,
        attack=doc.attack,
    )


def snippet(changed: ChangedFile, line: int) -> str:
    """The matched line's text, read from the file (Semgrep's output hides it)."""
    lines = changed.lines()
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return text if len(text) <= _SNIPPET_CHARS else text[:_SNIPPET_CHARS] + "…"


def _severity(value: str) -> Severity:
    upper = value.upper()
    if upper in _LEGACY_SEVERITY:
        return _LEGACY_SEVERITY[upper]
    try:
        return Severity(value.lower())
    except ValueError:
        return Severity.MEDIUM


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, Iterable) else (str(value),)


def _python_checks(files: Sequence[ChangedFile], config: Config, docs: dict[str, RuleDoc]) -> list[Finding]:
    """The checks Semgrep cannot express, configured by rules/checks.yaml when present."""
    path = (config.rules or resources.rules_dir()) / "checks.yaml"
    if not path.is_file():
        return []
    settings = checks.load_settings(path)
    for conf in settings.checks.values():
        docs.setdefault(
            conf.id,
            RuleDoc(
                id=conf.id,
                severity=conf.severity,
                message=conf.message,
                description=" ".join(conf.description.split()),
                category=conf.category,
                cwe=conf.cwe,
                attack=conf.mitre,
            ),
        )
    return checks.run_checks(files, settings)


def _attribute(repo: Repository, head: str | None, findings: Sequence[Finding]) -> list[Finding]:
    """Attach the commit that added each finding's first line (or last touched a whole file)."""
    if head is None:  # the index: the author is whoever is committing
        staged = CommitRef(
            sha="", author_name=repo.config_value("user.name"), author_email=repo.config_value("user.email")
        )
        return [dataclasses.replace(f, commit=staged) for f in findings]
    wanted: dict[str, set[int]] = {}
    for finding in findings:
        if finding.line is not None:
            wanted.setdefault(finding.path, set()).add(finding.line)
    blamed = {path: attribution.blame(repo, head, path, lines) for path, lines in wanted.items()}
    whole = {f.path: attribution.last_commit(repo, head, f.path) for f in findings if f.line is None}
    return [
        dataclasses.replace(
            f, commit=blamed.get(f.path, {}).get(f.line) if f.line is not None else whole.get(f.path)
        )
        for f in findings
    ]


def _place_commit_findings(repo: Repository, findings: Sequence[Finding]) -> list[Finding]:
    """Give commit-level findings the first file their commit touched.

    Code scanning shows results on files; a provenance finding about a whole
    commit is pinned to one of the commit's files so reviewers see it.
    """
    touched: dict[str, str] = {}
    placed = []
    for finding in findings:
        if finding.path or finding.commit is None:
            placed.append(finding)
            continue
        sha = finding.commit.sha
        if sha not in touched:
            names = repo.run("diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", sha)
            first = names.split(b"\0", 1)[0]
            touched[sha] = os.fsdecode(first) if first else ""
        placed.append(dataclasses.replace(finding, path=touched[sha]) if touched[sha] else finding)
    return placed


def semgrep_rules(config: Config) -> Path:
    """The Semgrep rule folder: `rules/semgrep/` of the configured or bundled rules."""
    root = config.rules or resources.rules_dir()
    return root / "semgrep" if (root / "semgrep").is_dir() else root
