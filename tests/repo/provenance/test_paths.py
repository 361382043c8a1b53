from __future__ import annotations

from dataclasses import replace

import pytest

from sentinel.model import Role, Severity
from sentinel.repo.provenance import check_range
from sentinel.repo.provenance.globs import compile_globs, matches
from tests.repo.provenance.conftest import ALICE, BOB, NOW, SETTINGS, History, at, directory
from tests.repo.provenance.helpers import only


@pytest.mark.parametrize(
    ("glob", "path", "hit"),
    [
        ("**/auth/**", "src/auth/login.py", True),
        ("**/auth/**", "auth/x.go", True),
        ("**/auth/**", "src/author/x.py", False),
        (".github/workflows/**", ".github/workflows/ci.yml", True),
        ("CODEOWNERS", "docs/CODEOWNERS", False),
        ("**/CODEOWNERS", "docs/CODEOWNERS", True),
        ("**/*.tf", "infra/main.TF", True),
        ("*.md", "docs/readme.md", False),
    ],
)
def test_globs(glob: str, path: str, hit: bool) -> None:
    assert matches(compile_globs((glob,)), path) is hit


def test_contractor_touching_sensitive_paths(history: History) -> None:
    files = {
        "src/auth/login.py": "def login(): ...\n",
        ".github/workflows/ci.yml": "on: push\n",
        "CODEOWNERS": "* @team\n",
        "docs/guide.md": "hello\n",
    }
    sha = history.commit(BOB, at("2026-05-01 10:00", "-04:00"), files=files)
    history.commit(
        ALICE, at("2026-05-02 10:00", "+02:00"), files={"src/auth/login.py": "def login(): pass\n"}
    )
    findings = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "sensitive-path")
    by_path = {f.path: f for f in findings}
    assert set(by_path) == {"src/auth/login.py", ".github/workflows/ci.yml", "CODEOWNERS"}
    auth = by_path["src/auth/login.py"]
    assert auth.evidence == (sha,) and auth.account == "bob" and auth.severity is Severity.MEDIUM
    assert "authentication: **/auth/**" in auth.message
    assert "codeowners" in by_path["CODEOWNERS"].message


def test_sensitive_roles_and_globs_are_configurable(history: History) -> None:
    history.commit(ALICE, at("2026-05-02 10:00", "+02:00"), files={"deploy/prod.yaml": "x\n"})
    assert only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "sensitive-path") == []
    settings = replace(SETTINGS, sensitive_roles=(Role.EMPLOYEE,), sensitive_paths={"deploy": ("deploy/**",)})
    (finding,) = only(check_range(history.path, None, directory(), settings, now=NOW), "sensitive-path")
    assert finding.path == "deploy/prod.yaml" and finding.severity is Severity.LOW
