"""`sentinel rules list` and `sentinel rules test`: the catalogue and its self-test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sentinel import output, resources
from sentinel.commands.common import load_config
from sentinel.errors import ConfigError, EngineError
from sentinel.repo import catalogue
from sentinel.repo.checks import load_settings
from sentinel.repo.semgrep import semgrep_command

# The fixtures and check tables live in a source checkout, beside rules/.
_CHECKOUT = resources.rules_dir().parent
_SEMGREP_ENV = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
_TAIL = 60


def run_list(*, rules: Path | None = None, fmt: str = "text", config_path: Path | None = None) -> int:
    """Print every Semgrep rule and Python check: id, severity, category, languages, maturity, mitre."""
    root = _root(rules, config_path)
    entries = catalogue.semgrep_rules(_semgrep_dir(root))
    checks_file = root / "checks.yaml"
    if checks_file.is_file():
        entries += catalogue.checks(load_settings(checks_file))
    if fmt == "json":
        rows = [
            {
                "id": e.id,
                "kind": e.kind,
                "severity": e.severity.value,
                "category": e.category,
                "languages": list(e.languages),
                "maturity": e.maturity,
                "confidence": e.confidence,
                "mitre": list(e.mitre),
                "cwe": list(e.cwe),
                "description": e.description,
            }
            for e in entries
        ]
        output.write(json.dumps(rows, indent=2) + "\n")
        return 0
    header = ("ID", "SEVERITY", "CATEGORY", "LANGUAGES", "MATURITY", "MITRE")
    table = [header] + [
        (e.id, e.severity.value, e.category, ",".join(e.languages), e.maturity, ",".join(e.mitre))
        for e in entries
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    lines = ["  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]]) for row in table]
    semgrep_count = sum(e.kind == "semgrep" for e in entries)
    counts = f"{semgrep_count} Semgrep rules, {len(entries) - semgrep_count} checks"
    output.write("\n".join([*lines, "", counts]) + "\n")
    return 0


def run_test(
    *,
    rules: Path | None = None,
    fixtures: Path | None = None,
    config_path: Path | None = None,
    check_tables: Path | None = None,
) -> int:
    """Metadata guard + `semgrep --test` over the fixtures + the Python checks' tables; 0 when all pass.

    Raises:
        EngineError: Semgrep or pytest cannot be started.
        ConfigError: rules/checks.yaml is invalid.
    """
    root = _root(rules, config_path)
    semgrep_dir = _semgrep_dir(root)
    fixtures = (fixtures or _CHECKOUT / "tests" / "rules" / "semgrep").resolve()
    check_tables = (check_tables or _CHECKOUT / "tests" / "repo" / "checks").resolve()
    if not fixtures.is_dir():
        raise EngineError(
            f"{fixtures}: no rule fixtures here (they ship with the source checkout; use --fixtures)"
        )
    report: list[str] = []
    ok = True

    problems = catalogue.problems(semgrep_dir, fixtures)
    checks_file = root / "checks.yaml"
    if checks_file.is_file():
        load_settings(checks_file)  # raises ConfigError naming file, line and key
    report.append(f"metadata: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    report.extend(f"  {p}" for p in problems)
    ok &= not problems

    # Absolute paths: a relative `rules/...` config would be read as a registry shortcut (`r/...`).
    semgrep = _run(
        [semgrep_command(), "--test", "--metrics=off", "--config", str(semgrep_dir.resolve()), str(fixtures)],
        env={**os.environ, **_SEMGREP_ENV},
    )
    report.append(f"semgrep --test: {'ok' if semgrep.returncode == 0 else 'FAILED'}")
    report.extend(_summary(semgrep, passed=semgrep.returncode == 0))
    ok &= semgrep.returncode == 0

    if check_tables.is_dir():
        pytest = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(check_tables)])
        report.append(f"python checks: {'ok' if pytest.returncode == 0 else 'FAILED'}")
        report.extend(_summary(pytest, passed=pytest.returncode == 0))
        ok &= pytest.returncode == 0
    else:
        report.append(f"python checks: skipped ({check_tables} not found)")
    output.write("\n".join(report) + "\n")
    return 0 if ok else 1


def _root(rules: Path | None, config_path: Path | None) -> Path:
    root = rules if rules is not None else load_config(config_path).rules or resources.rules_dir()
    if not root.is_dir():
        raise ConfigError(f"{root}: no such rules folder")
    return root


def _semgrep_dir(root: Path) -> Path:
    # Accept the rules root (holding semgrep/ and checks.yaml) or a Semgrep rule folder itself.
    return root / "semgrep" if (root / "semgrep").is_dir() else root


def _run(argv: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(argv, capture_output=True, text=True, env=env, check=False, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise EngineError(f"{argv[0]}: {exc}") from None


def _summary(result: subprocess.CompletedProcess[str], *, passed: bool) -> list[str]:
    lines = (result.stdout + result.stderr).splitlines()
    if passed:
        # The result line only ("41/41: ✓ All tests passed", "90 passed in 3.1s").
        keep = [line for line in lines if "passed" in line][-1:]
    else:
        keep = [line for line in lines if line.strip() and "Scanning" not in line and "│" not in line][
            -_TAIL:
        ]
    return [f"  {line.strip()}" for line in keep]
