"""`sentinel scan`: the pre-merge gate over a git range, the index, or a whole tree."""

from __future__ import annotations

import dataclasses
import logging
import os
import socket
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from sentinel import output
from sentinel.commands.common import load_config, load_directory
from sentinel.errors import SentinelError
from sentinel.model import Severity
from sentinel.repo import suppress
from sentinel.repo.git import open_repository
from sentinel.repo.scan import Mode, ScanReport, scan
from sentinel.reporting import sarif, scan_json, text

log = logging.getLogger(__name__)


def run(
    *,
    repo: Path,
    base: str | None,
    head: str,
    staged: bool,
    all_files: bool,
    fmt: str,
    output_path: Path | None,
    fail_on: Severity | None,
    exit_zero: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    config_path: Path | None,
    identities_path: Path | None,
    store: str | None = None,
) -> int:
    if staged and (all_files or base):
        raise SentinelError("--staged scans the index; it cannot be combined with --all or --base")
    if all_files and base:
        raise SentinelError("--all scans the whole tree at --head; it cannot be combined with --base")
    repository = open_repository(repo)
    config = load_config(config_path, repository.root)
    if fail_on is not None:
        config = dataclasses.replace(config, scan=dataclasses.replace(config.scan, fail_on=fail_on))
    directory = load_directory(identities_path, config)
    known = suppress.load_baseline(baseline) if baseline and not write_baseline else frozenset()
    mode = Mode.STAGED if staged else Mode.ALL if all_files else Mode.RANGE
    report = scan(
        repository, mode=mode, config=config, directory=directory, base=base, head=head, baseline=known
    )
    if write_baseline is not None:
        suppress.write_baseline(write_baseline, report.findings)
        log.info("wrote %d fingerprint(s) to %s", len(report.findings), write_baseline)
        exit_zero = True
    code = report.return_code(exit_zero=exit_zero)
    output.write(render(report, fmt, code, output_path), output_path)
    store_url = store or config.store
    if store_url:
        record(store_url, report)
    return code


def record(store_url: str, report: ScanReport) -> None:
    """Keep the findings with where they came from (repository, range, CI pipeline).

    Raises:
        StoreError: the store cannot be opened or written; the results were already printed.
    """
    from sentinel.store import ScanContext, open_store

    context = ScanContext(
        repository=report.repository,
        base=report.merge_base or report.base or "",
        head=report.head or "",
        pipeline=pipeline_url(os.environ),
        host=socket.gethostname(),
        ts=datetime.now(UTC),
    )
    opened = open_store(store_url)
    try:
        opened.add_findings(report.findings, context=context)
    finally:
        opened.close()
    log.info("recorded %d finding(s) in the store", len(report.findings))


def pipeline_url(environ: Mapping[str, str]) -> str:
    """The CI job that ran this scan, from the variables GitHub, GitLab and Jenkins set."""
    if environ.get("GITHUB_RUN_ID"):
        server = environ.get("GITHUB_SERVER_URL", "https://github.com")
        return f"{server}/{environ.get('GITHUB_REPOSITORY', '')}/actions/runs/{environ['GITHUB_RUN_ID']}"
    return environ.get("CI_PIPELINE_URL") or environ.get("BUILD_URL") or ""


def render(report: ScanReport, fmt: str, code: int, output_path: Path | None) -> str:
    if fmt == "json":
        return scan_json.render(report, code)
    if fmt == "sarif":
        return sarif.render(report)
    return text.render(report, colour=output.wants_colour(output_path))
