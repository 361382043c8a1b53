"""Factories shared by the tests: real git repositories, rule folders, CLI runs."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from sentinel.main import main

SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

# A tiny rule set the scan tests control, so they do not depend on the pack's evolution.
TEST_RULES = {
    "py-test-exec": """\
rules:
  - id: py-test-exec
    severity: HIGH
    languages: [python]
    message: exec of dynamic code; remove it
    metadata: {category: rce, confidence: high, cwe: ["CWE-95"], mitre: [T1059.006],
               maturity: stable, description: "exec() in Python", false_positives: "none"}
    pattern: exec(...)
""",
    "py-test-print-secret": """\
rules:
  - id: py-test-print-secret
    severity: MEDIUM
    languages: [python]
    message: printing a secret
    metadata: {category: exfiltration, confidence: medium, cwe: ["CWE-200"], mitre: [T1041],
               maturity: stable, description: "print(secret)", false_positives: "none"}
    pattern: print(secret)
""",
}


class GitRepo:
    """A throwaway repository with pinned identities and dates."""

    def __init__(self, path: Path, *, bare: bool = False) -> None:
        self.path = path
        self.clock = 1_780_000_000  # fixed epoch so author dates are reproducible
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main", *(["--bare"] if bare else []))

    def git(self, *args: str | bytes, env: dict[str, str] | None = None, stdin: bytes | None = None) -> str:
        self.clock += 60
        stamp = f"@{self.clock} +0000"
        full_env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Dev One",
            "GIT_AUTHOR_EMAIL": "dev@example.com",
            "GIT_COMMITTER_NAME": "Dev One",
            "GIT_COMMITTER_EMAIL": "dev@example.com",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(self.path.parent),
            **(env or {}),
        }
        done = subprocess.run(
            ["git", *args], cwd=self.path, env=full_env, input=stdin, capture_output=True, check=False
        )
        if done.returncode:
            raise AssertionError(f"git {args} failed: {done.stderr.decode(errors='replace')}")
        return done.stdout.decode("utf-8", "replace").strip()

    def write(self, name: str | bytes, content: str | bytes) -> Path:
        target = self.path / os.fsdecode(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
        return target

    def commit(
        self, message: str = "change", *, files: dict[str, str | bytes] | None = None, **who: str
    ) -> str:
        for name, content in (files or {}).items():
            self.write(name, content)
        self.git("add", "-A")
        env = {}
        if "email" in who:
            env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = who["email"]
        if "name" in who:
            env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = who["name"]
        self.git("commit", "-q", "--allow-empty", "-m", message, env=env)
        return self.git("rev-parse", "HEAD")


def write_rules(root: Path, names: Sequence[str] = tuple(TEST_RULES)) -> Path:
    folder = root / "semgrep"
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.yml").write_text(TEST_RULES[name], encoding="utf-8")
    return root


def write_config(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(args: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Call main() as the shell would; SystemExit from error paths becomes the code."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_valid_sarif(text: str) -> dict[str, Any]:
    """Validate SARIF against the official 2.1.0 schema (shared/sarif-schema-2.1.0.json)."""
    import jsonschema

    document = json.loads(text)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    # What GitHub code scanning adds to the schema (its upload validation, SARIF multitool GH rules).
    for run in document["runs"]:
        for rule in run["tool"]["driver"]["rules"]:
            assert (
                rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
            )
            assert float(rule["properties"]["security-severity"]) >= 0
        for result in run["results"]:
            (location,) = result["locations"]
            physical = location["physicalLocation"]
            assert not physical["artifactLocation"]["uri"].startswith(("/", "file:"))
            assert physical["region"]["startLine"] >= 1
            assert result["partialFingerprints"]
    return dict(document)
