from __future__ import annotations

import os

import pytest

from sentinel.repo import diff
from sentinel.repo.git import EMPTY_TREE, open_repository
from tests.helpers import GitRepo

LIMITS = {"max_bytes": 100_000, "exclude": ()}


def changes_between(repo: GitRepo, before: str, head: str = "HEAD") -> diff.Changes:
    handle = open_repository(repo.path)
    return diff.range_changes(handle, before, handle.resolve(head), **LIMITS)


def by_path(changes: diff.Changes) -> dict[str, frozenset[int]]:
    return {f.path: f.added for f in changes.files}


def test_only_added_lines_are_in_scope(repo: GitRepo) -> None:
    base = repo.commit(files={"a.py": "one\ntwo\nthree\n"})
    repo.commit(files={"a.py": "one\nTWO\nthree\nfour\n"})
    assert by_path(changes_between(repo, base)) == {"a.py": frozenset({2, 4})}


def test_rename_keeps_only_new_lines(repo: GitRepo) -> None:
    body = "".join(f"line {n}\n" for n in range(20))
    base = repo.commit(files={"old.py": body})
    repo.git("mv", "old.py", "new.py")
    repo.commit(files={"new.py": body + "added\n"})
    changes = changes_between(repo, base)
    assert by_path(changes) == {"new.py": frozenset({21})}
    assert changes.files[0].old_path == "old.py"


def test_deleted_files_are_ignored_and_pure_renames_add_nothing(repo: GitRepo) -> None:
    base = repo.commit(files={"gone.py": "x\n", "moved.py": "".join(f"{n}\n" for n in range(10))})
    repo.git("rm", "-q", "gone.py")
    repo.git("mv", "moved.py", "elsewhere.py")
    repo.commit()
    assert changes_between(repo, base).files == ()


def test_binary_files_are_marked_binary_with_all_lines(repo: GitRepo) -> None:
    base = repo.commit(files={"a.txt": "a\n"})
    repo.commit(files={"payload.bin": b"\x7fELF\x00\x01\x02\nmore\x00"})
    (changed,) = changes_between(repo, base).files
    assert changed.is_binary and changed.path == "payload.bin" and changed.added


def test_oversized_files_are_skipped_and_reported(repo: GitRepo) -> None:
    base = repo.commit(files={"a.txt": "a\n"})
    repo.commit(files={"big.py": "x = 1\n" * 50_000, "small.py": "y = 2\n"})
    changes = changes_between(repo, base)
    assert [f.path for f in changes.files] == ["small.py"]
    assert [(s.path, s.reason.startswith("larger than")) for s in changes.skipped] == [("big.py", True)]


def test_excluded_globs_are_skipped(repo: GitRepo) -> None:
    base = repo.commit(files={"a.txt": "a\n"})
    repo.commit(files={"vendor/lib.py": "x\n", "src/app.py": "y\n"})
    handle = open_repository(repo.path)
    changes = diff.range_changes(handle, base, handle.resolve("HEAD"), max_bytes=1000, exclude=("vendor/*",))
    assert [f.path for f in changes.files] == ["src/app.py"]
    assert [(s.path, s.reason) for s in changes.skipped] == [("vendor/lib.py", "excluded by config")]


def test_submodules_are_skipped(repo: GitRepo, tmp_path: os.PathLike[str]) -> None:
    inner = GitRepo(repo.path.parent / "inner")
    inner.commit(files={"x.py": "x\n"})
    base = repo.commit(files={"a.txt": "a\n"})
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(inner.path), "sub")
    repo.commit()
    changes = changes_between(repo, base)
    assert "sub" in {s.path for s in changes.skipped if s.reason == "submodule"}
    assert "sub" not in {f.path for f in changes.files}


def test_non_utf8_names_and_contents_survive(repo: GitRepo) -> None:
    base = repo.commit(files={"a.txt": "a\n"})
    weird = b'caf\xe9 \t"q".py'
    repo.write(weird, b"s = '\xff\xfe'\nprint(1)\n")
    repo.commit()
    (changed,) = changes_between(repo, base).files
    assert os.fsencode(changed.path) == weird
    assert changed.added == frozenset({1, 2}) and not changed.is_binary
    assert changed.lines()[1] == "print(1)"


def test_empty_range_has_no_changes(repo: GitRepo) -> None:
    head = repo.commit(files={"a.py": "a\n"})
    assert changes_between(repo, head, head).files == ()


def test_initial_commit_diffs_against_the_empty_tree(repo: GitRepo) -> None:
    repo.commit(files={"a.py": "a\nb\n"})
    assert by_path(changes_between(repo, EMPTY_TREE)) == {"a.py": frozenset({1, 2})}


def test_staged_changes_read_the_index(repo: GitRepo) -> None:
    repo.commit(files={"a.py": "a\n"})
    repo.write("a.py", "a\nstaged\n")
    repo.git("add", "a.py")
    repo.write("a.py", "a\nstaged\nunstaged\n")  # the work tree is not what gets committed
    changes = diff.staged_changes(open_repository(repo.path), **LIMITS)
    (changed,) = changes.files
    assert changed.added == frozenset({2}) and changed.lines() == ("a", "staged")


def test_staged_changes_before_the_first_commit(repo: GitRepo) -> None:
    repo.write("first.py", "x\n")
    repo.git("add", "first.py")
    changes = diff.staged_changes(open_repository(repo.path), **LIMITS)
    assert by_path(changes) == {"first.py": frozenset({1})}


@pytest.mark.parametrize(
    ("quoted", "raw"),
    [
        (b'"a\\tb.py"', b"a\tb.py"),
        (b'"caf\\303\\251.py"', "café.py".encode()),
        (b'"q\\"uote\\\\.py"', b'q"uote\\.py'),
        (b"plain.py", b"plain.py"),
    ],
)
def test_unquote_git_paths(quoted: bytes, raw: bytes) -> None:
    assert diff._unquote(quoted) == raw
