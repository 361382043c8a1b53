from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import GitRepo, assert_valid_sarif, run_cli

Capsys = pytest.CaptureFixture[str]

IDENTITIES = """\
accounts:
  - id: carol
    name: Carol Contractor
    role: contractor
    emails: [carol@vendor.example]
  - id: erin
    name: Erin Employee
    role: employee
    emails: [erin@example.com]
"""


def scan(capsys: Capsys, repo: GitRepo, config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(["scan", "--repo", str(repo.path), "--config", str(config), *args], capsys)


@pytest.fixture
def feature(repo: GitRepo) -> GitRepo:
    """main with a clean file; branch `feature` adds a finding on a new line and a print."""
    repo.commit(files={"app.py": "def f():\n    exec(old)\n"})
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit(files={"app.py": "def f():\n    exec(old)\n    exec(new)\n", "log.py": "print(secret)\n"})
    return repo


def test_findings_on_added_lines_block_with_exit_1(
    capsys: Capsys, feature: GitRepo, config_file: Path
) -> None:
    code, out, _ = scan(capsys, feature, config_file, "--base", "main", "--format", "json")
    report = json.loads(out)
    assert code == 1
    # exec(old) on line 2 predates the branch: only line 3 is in scope.
    assert [(f["rule"], f["path"], f["line"]) for f in report["findings"]] == [
        ("py-test-exec", "app.py", 3),
        ("py-test-print-secret", "log.py", 1),
    ]
    assert report["summary"]["exit_code"] == 1 and report["summary"]["blocking"] == 1


def test_json_shape_is_the_documented_one(capsys: Capsys, feature: GitRepo, config_file: Path) -> None:
    _, out, _ = scan(capsys, feature, config_file, "--base", "main", "--format", "json")
    report = json.loads(out)
    assert set(report) == {"version", "range", "findings", "suppressed", "skipped", "summary"}
    assert set(report["range"]) == {"base", "head", "merge_base"}
    documented = {
        "rule", "severity", "confidence", "category", "message", "path", "line", "end_line", "snippet",
        "commit", "author", "account", "role", "fingerprint", "cwe", "attack",
    }  # fmt: skip
    first = report["findings"][0]
    assert documented <= set(first)
    assert first["snippet"] == "exec(new)"  # read from the file, not from Semgrep
    assert first["commit"] == feature.git("rev-parse", "feature")
    assert first["author"] == "Dev One <dev@example.com>"
    assert report["range"]["merge_base"] == feature.git("rev-parse", "main")


def test_fail_on_and_exit_zero(capsys: Capsys, feature: GitRepo, config_file: Path) -> None:
    assert scan(capsys, feature, config_file, "--base", "main", "--fail-on", "critical")[0] == 0
    assert scan(capsys, feature, config_file, "--base", "main", "--fail-on", "medium")[0] == 1
    assert scan(capsys, feature, config_file, "--base", "main", "--exit-zero")[0] == 0


def test_contractor_commits_are_weighted_up(
    capsys: Capsys, repo: GitRepo, tmp_path: Path, rules: Path
) -> None:
    (tmp_path / "ids.yaml").write_text(IDENTITIES)
    config = tmp_path / "c.yaml"
    config.write_text(f"rules: {rules}\nidentities: ids.yaml\nweights: {{contractor: 1, employee: 0}}\n")
    repo.commit(files={"a.py": "x = 1\n"})
    repo.commit(files={"by_carol.py": "print(secret)\n"}, email="carol@vendor.example", name="Carol")
    repo.commit(files={"by_erin.py": "print(secret)\n"}, email="erin@example.com", name="Erin")
    repo.commit(files={"by_stranger.py": "print(secret)\n"}, email="who@nowhere.example", name="Who")
    code, out, _ = scan(capsys, repo, config, "--base", "HEAD~3", "--format", "json")
    findings = json.loads(out)["findings"]
    found = {f["path"]: f for f in findings if f["rule"] == "py-test-print-secret"}
    carol, erin = found["by_carol.py"], found["by_erin.py"]
    assert (carol["severity"], carol["base_severity"], carol["role"], carol["account"]) == (
        "high", "medium", "contractor", "carol",
    )  # fmt: skip
    assert "contractor" in carol["escalation"]
    assert (erin["severity"], erin["base_severity"], erin["role"]) == ("medium", None, "employee")
    stranger = found["by_stranger.py"]  # not in the directory: weighted by the default unknown: 1
    assert (stranger["severity"], stranger["role"], stranger["account"]) == ("high", "unknown", "unknown")
    assert code == 1
    # The scan also runs the provenance signals over its commits: the stranger is not in the directory.
    unknown = [f for f in findings if f["rule"] == "provenance.unknown-identity"]
    assert [(f["path"], f["commit"]) for f in unknown] == [("by_stranger.py", repo.git("rev-parse", "HEAD"))]


def test_sarif_validates_and_has_what_github_needs(
    capsys: Capsys, feature: GitRepo, config_file: Path
) -> None:
    code, out, _ = scan(capsys, feature, config_file, "--base", "main", "--format", "sarif")
    assert code == 1
    sarif = assert_valid_sarif(out)
    run = sarif["runs"][0]
    rule = run["tool"]["driver"]["rules"][0]
    assert {"shortDescription", "fullDescription", "help", "properties"} <= set(rule)
    assert rule["properties"]["security-severity"] and rule["properties"]["tags"]
    result = run["results"][0]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "app.py"
    assert location["region"]["startLine"] == 3
    fingerprint = result["partialFingerprints"]["sentinel/v1"]
    # No line number in it: the same finding moved down keeps its fingerprint.
    feature.commit(files={"app.py": "import os\n\n\ndef f():\n    exec(old)\n    exec(new)\n"})
    _, moved, _ = scan(capsys, feature, config_file, "--base", "main", "--format", "sarif")
    (again,) = [r for r in assert_valid_sarif(moved)["runs"][0]["results"] if r["ruleId"] == "py-test-exec"]
    assert again["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert again["partialFingerprints"]["sentinel/v1"] == fingerprint


def test_sarif_for_odd_paths_and_no_findings_validates(
    capsys: Capsys, repo: GitRepo, config_file: Path
) -> None:
    repo.commit(files={"a.txt": "a\n"})
    repo.write(b"dir with space/caf\xe9.py", b"exec(x)\n")
    repo.commit()
    _, out, _ = scan(capsys, repo, config_file, "--format", "sarif")
    uri = assert_valid_sarif(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "dir%20with%20space/caf%E9.py"
    repo.commit(files={"clean.py": "x = 1\n"})
    _, out, _ = scan(capsys, repo, config_file, "--format", "sarif")
    assert assert_valid_sarif(out)["runs"][0]["results"] == []


def test_output_file_and_text_summary(
    capsys: Capsys, feature: GitRepo, config_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "report.sarif"
    code, out, _ = scan(
        capsys, feature, config_file, "--base", "main", "--format", "sarif", "--output", str(target)
    )
    assert code == 1 and out == ""
    assert_valid_sarif(target.read_text())
    code, out, err = scan(capsys, feature, config_file, "--base", "main")
    assert "HIGH" in out and "app.py:3" in out and "\033[" not in out  # no colour off a terminal
    assert "2 finding(s)" in out and "scanning" in err  # progress goes to stderr


def test_baseline_survives_code_moving(
    capsys: Capsys, repo: GitRepo, config_file: Path, tmp_path: Path
) -> None:
    repo.commit(files={"a.py": "exec(legacy)\n"})
    baseline = tmp_path / "baseline.json"
    code, _, _ = scan(capsys, repo, config_file, "--all", "--write-baseline", str(baseline))
    assert code == 0 and json.loads(baseline.read_text())["fingerprints"]
    repo.commit(files={"a.py": "import os\n\n\n    exec(legacy)\n"})  # moved down, re-indented
    code, out, _ = scan(capsys, repo, config_file, "--all", "--baseline", str(baseline), "--format", "json")
    report = json.loads(out)
    assert (code, report["findings"], report["suppressed"]) == (0, [], 1)
    repo.commit(files={"b.py": "exec(fresh)\n"})
    code, out, _ = scan(capsys, repo, config_file, "--all", "--baseline", str(baseline), "--format", "json")
    assert code == 1 and [f["path"] for f in json.loads(out)["findings"]] == ["b.py"]


def test_inline_suppression_is_counted_and_reported_when_added(
    capsys: Capsys, repo: GitRepo, config_file: Path
) -> None:
    repo.commit(files={"a.py": "x = 1\n"})
    repo.commit(
        files={"b.py": "exec(x)  # nosentinel: py-test-exec\nprint(secret)  # nosentinel: other-rule\n"}
    )
    code, out, _ = scan(capsys, repo, config_file, "--format", "json")
    report = json.loads(out)
    assert report["suppressed"] == 1
    rules = sorted(f["rule"] for f in report["findings"])
    assert rules == ["py-test-print-secret", "sentinel.suppression-added"]
    assert code == 0  # both are medium


def test_staged_scan_attributes_to_the_committer(capsys: Capsys, repo: GitRepo, config_file: Path) -> None:
    repo.commit(files={"a.py": "x = 1\n"})
    repo.git("config", "user.email", "carol@vendor.example")
    repo.git("config", "user.name", "Carol")
    repo.write("a.py", "x = 1\nexec(y)\n")
    repo.git("add", "a.py")
    code, out, _ = scan(capsys, repo, config_file, "--staged", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert code == 1 and finding["commit"] is None and finding["author"] == "Carol <carol@vendor.example>"


def test_all_scans_the_whole_tree_and_root_commits_work(
    capsys: Capsys, repo: GitRepo, config_file: Path
) -> None:
    repo.commit(files={"a.py": "exec(a)\n", "b.py": "exec(b)\n"})
    _, out, _ = scan(capsys, repo, config_file, "--format", "json")  # root commit, no --base
    assert len(json.loads(out)["findings"]) == 2
    repo.commit(files={"c.py": "x = 1\n"})
    _, out, _ = scan(capsys, repo, config_file, "--all", "--format", "json")
    assert sorted(f["path"] for f in json.loads(out)["findings"]) == ["a.py", "b.py"]


def test_unrelated_base_scans_everything_at_head(capsys: Capsys, repo: GitRepo, config_file: Path) -> None:
    repo.commit(files={"a.py": "x = 1\n"})
    repo.git("checkout", "-q", "--orphan", "other")
    repo.git("rm", "-rfq", ".")
    repo.commit(files={"z.py": "exec(z)\n"})
    code, out, _ = scan(capsys, repo, config_file, "--base", "main", "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["range"]["merge_base"] is None
    assert [f["path"] for f in report["findings"]] == ["z.py"]


def test_empty_range_is_clean(capsys: Capsys, repo: GitRepo, config_file: Path) -> None:
    repo.commit(files={"a.py": "exec(a)\n"})
    code, out, _ = scan(capsys, repo, config_file, "--base", "HEAD", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_skipped_files_are_reported(capsys: Capsys, repo: GitRepo, tmp_path: Path, rules: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(f"rules: {rules}\nscan:\n  max_file_bytes: 100\n")
    repo.commit(files={"a.py": "x = 1\n"})
    repo.commit(files={"big.py": "exec(x)\n" * 100})
    code, out, _ = scan(capsys, repo, config, "--format", "json")
    assert code == 0 and json.loads(out)["skipped"] == [{"path": "big.py", "reason": "larger than 100 bytes"}]


def test_bundled_rules_catch_a_real_backdoor(capsys: Capsys, repo: GitRepo) -> None:
    repo.commit(files={"a.py": "x = 1\n"})
    repo.commit(files={"setup_hook.py": 'import base64\nexec(base64.b64decode("aW1wb3J0IG9z"))\n'})
    code, out, _ = run_cli(["scan", "--repo", str(repo.path), "--format", "json"], capsys)
    findings = json.loads(out)["findings"]
    assert code == 1 and any(f["severity"] == "critical" and f["line"] == 2 for f in findings)


# --- errors: one clear line, exit 2; crashes exit 3 with a traceback log ---


def test_not_a_git_repository(capsys: Capsys, tmp_path: Path) -> None:
    code, out, err = run_cli(["scan", "--repo", str(tmp_path)], capsys)
    assert (code, out) == (2, "") and "not a git repository" in err and len(err.strip().splitlines()) == 1


def test_unknown_revision(capsys: Capsys, repo: GitRepo, config_file: Path) -> None:
    repo.commit(files={"a.py": "x\n"})
    code, _, err = scan(capsys, repo, config_file, "--base", "no-such-branch")
    assert code == 2 and "unknown revision 'no-such-branch'" in err


def test_broken_config_names_file_line_and_key(capsys: Capsys, repo: GitRepo, tmp_path: Path) -> None:
    repo.commit(files={"a.py": "x\n"})
    config = tmp_path / "bad.yaml"
    config.write_text("scan:\n  fail_on: high\n  max_file_bytes: lots\n")
    code, _, err = scan(capsys, repo, config)
    assert code == 2 and f"{config}:3: scan.max_file_bytes: must be a number" in err
    config.write_text("scan: [unclosed\n")
    code, _, err = scan(capsys, repo, config)
    assert code == 2 and "invalid YAML" in err


def test_unknown_config_keys_are_named(capsys: Capsys, repo: GitRepo, tmp_path: Path, rules: Path) -> None:
    repo.commit(files={"a.py": "x\n"})
    config = tmp_path / "c.yaml"
    config.write_text(f"rules: {rules}\nscan:\n  fial_on: low\n")
    code, _, err = scan(capsys, repo, config)
    assert code == 0 and "fial_on" in err


def test_broken_identities_name_file_line_and_key(capsys: Capsys, repo: GitRepo, config_file: Path) -> None:
    repo.commit(files={"a.py": "x\n"})
    ids = repo.path.parent / "ids.yaml"
    ids.write_text("accounts:\n  - id: a\n    role: contractor\n    timezone: Mars/Olympus\n")
    code, _, err = scan(capsys, repo, config_file, "--identities", str(ids))
    assert code == 2 and f"{ids}:4: accounts.0.timezone: unknown IANA timezone" in err


def test_missing_semgrep_is_a_usage_error(
    capsys: Capsys, repo: GitRepo, config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit(files={"a.py": "exec(x)\n"})
    git = shutil.which("git")
    assert git is not None
    monkeypatch.setenv("PATH", os.path.dirname(git))
    code, _, err = scan(capsys, repo, config_file)
    assert code == 2 and "semgrep is not installed" in err


def test_crash_exits_3_with_traceback_logged(
    capsys: Capsys, repo: GitRepo, config_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    repo.commit(files={"a.py": "exec(x)\n"})

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("sentinel.repo.scan.diff.range_changes", explode)
    code, _, err = scan(capsys, repo, config_file)
    log = tmp_path / "state" / "sentinel" / "crash.log"
    assert code == 3 and str(log) in err and "RuntimeError: boom" in log.read_text()


def test_store_records_ci_findings_with_context(
    capsys: Capsys, feature: GitRepo, config_file: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sentinel.store import open_store

    monkeypatch.setenv("GITHUB_RUN_ID", "42")
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/app")
    code, _, _ = scan(capsys, feature, config_file, "--base", "main", "--store", store_url)
    assert code == 1
    store = open_store(store_url)
    try:
        stored = store.findings(since=datetime.now(UTC) - timedelta(hours=1))
    finally:
        store.close()
    assert sorted((s.finding.rule_id, s.finding.path, s.finding.line) for s in stored) == [
        ("py-test-exec", "app.py", 3),
        ("py-test-print-secret", "log.py", 1),
    ]
    context = stored[0].context
    assert context.head == feature.git("rev-parse", "feature")
    assert context.base == feature.git("rev-parse", "main")
    assert context.pipeline == "https://github.com/acme/app/actions/runs/42"


def test_dead_store_is_a_clear_error_after_the_results(
    capsys: Capsys, feature: GitRepo, config_file: Path
) -> None:
    code, out, err = scan(
        capsys, feature, config_file, "--base", "main", "--store", "postgresql://nobody:secret@127.0.0.1:1/x"
    )
    assert code == 2 and "py-test-exec" in out  # the gate's results were printed first
    errors = [line for line in err.splitlines() if "ERROR" in line]
    assert ":secret@" not in err and len(errors) == 1 and "Connection refused" in errors[0]


def test_python_checks_run_in_the_same_scan_and_are_attributed(capsys: Capsys, repo: GitRepo) -> None:
    repo.commit(files={"a.py": "x = 1\n"})
    elf = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8
    bidi = 'access_level = "user"\nif access_level != "user\u202e \u2066# admin\u2069 \u2066":\n    grant()\n'
    head = repo.commit(
        files={"tests/files/good-large.xz.o": elf, "auth.py": bidi},
        email="carol@vendor.example",
        name="Carol",
    )
    code, out, _ = run_cli(["scan", "--repo", str(repo.path), "--format", "json"], capsys)
    found = {(f["rule"], f["path"], f["line"]) for f in json.loads(out)["findings"]}
    assert ("binary-executable", "tests/files/good-large.xz.o", None) in found
    assert ("unicode-bidi-control", "auth.py", 2) in found
    assert code == 1
    assert all(f["commit"] == head for f in json.loads(out)["findings"] if f["rule"] == "binary-executable")


def test_sarif_pins_whole_file_and_commit_findings(capsys: Capsys, repo: GitRepo, tmp_path: Path) -> None:
    (tmp_path / "ids.yaml").write_text(IDENTITIES)
    repo.commit(files={"a.py": "x = 1\n"})
    repo.commit(
        files={"bin/tool": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8}, email="who@else.example"
    )
    args = ["scan", "--repo", str(repo.path), "--identities", str(tmp_path / "ids.yaml"), "--format", "sarif"]
    code, out, _ = run_cli(args, capsys)
    results = assert_valid_sarif(out)["runs"][0]["results"]
    rules = {r["ruleId"]: r["locations"][0]["physicalLocation"] for r in results}
    assert code == 1 and {"binary-executable", "provenance.unknown-identity"} <= set(rules)
    assert rules["binary-executable"]["artifactLocation"]["uri"] == "bin/tool"
    assert rules["provenance.unknown-identity"]["region"]["startLine"] == 1
