"""`sentinel scan`: the pre-merge gate over a git range, the index, or a whole tree."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from sentinel import output
from sentinel.commands.common import load_config, load_directory
from sentinel.errors import ExitCode, SentinelError
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
    return code


def render(report: ScanReport, fmt: str, code: int, output_path: Path | None) -> str:
    if fmt == "json":
        return scan_json.render(report, code)
    if fmt == "sarif":
        return sarif.render(report)
    return text.render(report, colour=output.wants_colour(output_path))


__all__ = ["ExitCode", "render", "run"]
