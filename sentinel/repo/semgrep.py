"""The Semgrep engine wrapper: one offline call per scan over the post-images.

Post-images are written to a private temporary tree that mirrors their repo
paths (rules may filter on paths such as `.github/workflows/`), so the scan
works without a checkout, as in a pre-receive hook. Semgrep is always run with
metrics off and its version check disabled: sentinel never phones home, and on
an offline machine the version check alone stalls for ~95 s.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sentinel.errors import EngineError
from sentinel.repo.changes import ChangedFile, Skipped

log = logging.getLogger(__name__)

_ENV = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    """One Semgrep result, mapped back to its repo path."""

    rule_id: str
    path: str
    line: int
    end_line: int
    message: str
    severity: str
    metadata: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class EngineResult:
    matches: tuple[Match, ...]
    skipped: tuple[Skipped, ...]  # files Semgrep could not finish (timeouts, memory)


def semgrep_command() -> str:
    """Path of the semgrep executable.

    Raises:
        EngineError: Semgrep is not installed.
    """
    found = shutil.which("semgrep")
    if found is None:
        raise EngineError("semgrep is not installed or not on PATH (pip install semgrep)")
    return found


def run(
    files: Sequence[ChangedFile], rules: Path, *, timeout: float, jobs: int, max_bytes: int
) -> EngineResult:
    """Run Semgrep once over the text files among `files`.

    Raises:
        EngineError: Semgrep is missing, crashed, or rejected a rule.
    """
    targets = [f for f in files if not f.is_binary]
    if not targets:
        return EngineResult(matches=(), skipped=())
    if not rules.is_dir() and not rules.is_file():
        raise EngineError(f"{rules}: rules not found")
    with tempfile.TemporaryDirectory(prefix="sentinel-scan-") as tmp:
        root = Path(tmp)
        originals = _write_post_images(root, targets)
        command = [
            semgrep_command(), "scan", "--experimental", "--json", "--quiet",
            "--metrics=off", "--disable-version-check",
            # A planted .semgrepignore must not hide the file that plants it.
            "--x-ignore-semgrepignore-files", "--no-git-ignore",
            "--config", str(rules), "--timeout", str(timeout), "--jobs", str(jobs),
            "--max-target-bytes", str(max_bytes), ".",
        ]  # fmt: skip
        done = subprocess.run(command, cwd=root, capture_output=True, env={**os.environ, **_ENV})
    report = _parse_output(done)
    return _to_result(report, originals)


def _write_post_images(root: Path, files: Sequence[ChangedFile]) -> dict[str, str]:
    """Write each file under `root`; return {path as Semgrep will print it: repo path}."""
    originals = {}
    for index, changed in enumerate(files):
        # Semgrep prints paths as UTF-8: give undecodable names a safe spelling.
        safe = (
            changed.path.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\ufffd", "_")
        )
        if safe in originals:
            safe = f"{safe}.{index}"
        target = root / safe
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(changed.content)
        if changed.content.startswith(b"#!"):
            # Semgrep picks a language from a shebang only on executable files, and a
            # script need not be committed executable to be run with `sh script`.
            target.chmod(0o700)
        originals[safe] = changed.path
    return originals


def _parse_output(done: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    try:
        report = json.loads(done.stdout)
    except ValueError:
        stderr = done.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = stderr[-1] if stderr else "no output"
        raise EngineError(f"semgrep failed (exit {done.returncode}): {tail}") from None
    if not isinstance(report, dict):
        raise EngineError(f"semgrep printed unexpected JSON (exit {done.returncode})")
    fatal = [e for e in report.get("errors", []) if e.get("level") == "error" and not e.get("path")]
    if fatal:
        message = str(fatal[0].get("message", fatal[0].get("type", "unknown error")))
        raise EngineError(f"semgrep rejected the rules: {' '.join(message.split())}")
    if done.returncode not in (0, 1):
        raise EngineError(f"semgrep failed (exit {done.returncode})")
    return report


def _to_result(report: Mapping[str, Any], originals: Mapping[str, str]) -> EngineResult:
    matches = []
    for result in report.get("results", []):
        extra = result.get("extra", {})
        path = originals.get(_relative(result["path"]), _relative(result["path"]))
        matches.append(
            Match(
                # A directory config prefixes ids with its folder names: keep the stem.
                rule_id=str(result["check_id"]).rsplit(".", 1)[-1],
                path=path,
                line=int(result["start"]["line"]),
                end_line=int(result["end"]["line"]),
                message=str(extra.get("message", "")),
                severity=str(extra.get("severity", "MEDIUM")),
                metadata=extra.get("metadata", {}) or {},
            )
        )
    skipped = []
    for error in report.get("errors", []):
        if error.get("path"):
            path = originals.get(_relative(error["path"]), _relative(error["path"]))
            kind = error.get("type")
            kind = kind[0] if isinstance(kind, list) else kind
            skipped.append(Skipped(path=path, reason=f"semgrep: {kind or 'error'}"))
            log.warning("semgrep could not fully scan %s: %s", path, kind)
    return EngineResult(matches=tuple(matches), skipped=tuple(skipped))


def _relative(path: str) -> str:
    return path[2:] if path.startswith("./") else path
