from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import GitRepo, run_cli

PROJECT = Path(__file__).resolve().parents[2]


def push(client: GitRepo, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "HOME": str(client.path.parent)}
    return subprocess.run(
        ["git", "push", "origin", *args],
        cwd=client.path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def server(tmp_path: Path, config_file: Path) -> GitRepo:
    """A bare repository whose pre-receive hook runs sentinel from this checkout."""
    bare = GitRepo(tmp_path / "server.git", bare=True)
    hook = bare.path / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m sentinel hook pre-receive --config {config_file}\n")
    hook.chmod(0o755)
    return bare


@pytest.fixture
def client(repo: GitRepo, server: GitRepo) -> GitRepo:
    repo.commit(files={"app.py": "x = 1\n"})
    repo.git("remote", "add", "origin", str(server.path))
    assert push(repo, "main").returncode == 0
    return repo


def test_pre_receive_rejects_a_backdoor_and_accepts_clean_pushes(client: GitRepo) -> None:
    client.commit(files={"clean.py": "y = 2\n"})
    assert push(client, "main").returncode == 0
    client.commit(files={"evil.py": "exec(payload)\n"})
    rejected = push(client, "main")
    assert rejected.returncode != 0
    assert "py-test-exec" in rejected.stderr and "evil.py:1" in rejected.stderr


def test_pre_receive_scans_only_commits_new_to_the_server(client: GitRepo, server: GitRepo) -> None:
    # A finding already on the server (pushed before the hook existed) is not rescanned.
    hook = server.path / "hooks" / "pre-receive"
    text = hook.read_text()
    hook.unlink()
    client.commit(files={"old.py": "exec(legacy)\n"})
    assert push(client, "main").returncode == 0
    hook.write_text(text)
    hook.chmod(0o755)
    client.git("checkout", "-q", "-b", "topic")  # a new branch: old sha is all zeros
    client.commit(files={"new.py": "z = 3\n"})
    assert push(client, "topic").returncode == 0


def test_pre_receive_handles_force_push_and_branch_deletion(client: GitRepo) -> None:
    client.git("checkout", "-q", "-b", "topic")
    client.commit(files={"t.py": "t = 1\n"})
    assert push(client, "topic").returncode == 0
    client.git("reset", "-q", "--hard", "main")
    client.commit(files={"rewritten.py": "exec(sneaky)\n"})
    forced = push(client, "--force", "topic")
    assert forced.returncode != 0 and "rewritten.py" in forced.stderr
    assert push(client, "--delete", "topic").returncode == 0


def test_pre_receive_rejects_malformed_input(
    capsys: pytest.CaptureFixture[str], client: GitRepo, server: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("not a ref line\n"))
    code, _, err = run_cli(["hook", "pre-receive", "--repo", str(server.path)], capsys)
    assert code == 2 and "expected '<old> <new> <ref>'" in err


def test_install_writes_a_working_pre_push_hook(
    capsys: pytest.CaptureFixture[str], client: GitRepo, config_file: Path
) -> None:
    code, _, _ = run_cli(["hook", "install", "--repo", str(client.path)], capsys)
    hook = client.path / ".git" / "hooks" / "pre-push"
    assert code == 0 and hook.stat().st_mode & stat.S_IXUSR
    client.write(".sentinel.yaml", config_file.read_text())  # the hook reads the repo's config
    client.git("add", ".sentinel.yaml")
    client.git("commit", "-qm", "config")
    client.commit(files={"evil.py": "exec(payload)\n"})
    blocked = push(client, "main")
    assert blocked.returncode != 0 and "evil.py" in blocked.stdout + blocked.stderr
    assert "failed to push" in blocked.stderr


def test_install_refuses_to_overwrite_a_foreign_hook(
    capsys: pytest.CaptureFixture[str], repo: GitRepo
) -> None:
    repo.commit(files={"a.py": "x\n"})
    hook = repo.path / ".git" / "hooks" / "pre-push"
    hook.write_text("#!/bin/sh\necho mine\n")
    code, _, err = run_cli(["hook", "install", "--repo", str(repo.path)], capsys)
    assert code == 2 and "--force" in err and hook.read_text() == "#!/bin/sh\necho mine\n"
    code, _, _ = run_cli(["hook", "install", "--repo", str(repo.path), "--force"], capsys)
    assert code == 0 and "sentinel" in hook.read_text()
    assert run_cli(["hook", "install", "--repo", str(repo.path)], capsys)[0] == 0  # ours: reinstall is fine
