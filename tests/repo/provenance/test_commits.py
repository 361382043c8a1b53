from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from sentinel.errors import GitError
from sentinel.repo.provenance import load_range
from sentinel.repo.provenance.commits import history_tips, parse_log, read_commits
from tests.repo.provenance.conftest import ALICE, BOB, NOW, SETTINGS, History, Person, at


def test_dates_keep_their_offsets_and_identities(history: History) -> None:
    sha = history.commit(
        ALICE, at("2026-03-28 10:00", "+01:00"), committer=BOB, committed=at("2026-03-29 08:30", "-04:00")
    )
    (commit,) = read_commits(history.path, ["HEAD"])
    assert commit.sha == sha
    assert commit.author_name == ALICE.name and commit.author_email == ALICE.email
    assert commit.committer_email == BOB.email
    assert commit.author_date == at("2026-03-28 10:00", "+01:00")
    assert commit.author_offset == timedelta(hours=1)
    assert commit.committer_date.utcoffset() == timedelta(hours=-4)
    assert commit.signature == "N" and commit.signing_key == ""
    assert commit.parents == ()


def test_numstat_counts_lines_binaries_and_odd_paths(history: History) -> None:
    history.commit(ALICE, at("2026-03-01 10:00", "+01:00"), files={"a.txt": "1\n2\n3\n"})
    odd = 'dir/tab\tand "quote"\nnewline.txt'
    history.commit(
        ALICE,
        at("2026-03-02 10:00", "+01:00"),
        files={"a.txt": "1\n", odd: "x\n", "blob.bin": b"\x00\x01\x02"},
    )
    latest, first = read_commits(history.path, ["HEAD"])
    assert first.lines_added == 3 and first.lines_deleted == 0
    assert latest.parents == (first.sha,)
    stats = {f.path: f for f in latest.files}
    assert stats["a.txt"].deleted == 2
    assert stats[odd].added == 1
    assert stats["blob.bin"].is_binary and latest.binary_files == 1


def test_non_utf8_names_and_paths_do_not_crash(history: History) -> None:
    history.git("config", "i18n.commitEncoding", "ISO-8859-1")
    history.commit(Person("J\udce9r\udcf4me", "jerome@corp.example"), at("2026-03-01 10:00", "+01:00"))
    raw = parse_log(
        b"\x1e" + b"\0".join([b"a" * 40, b"", b"J\xe9r\xf4me\x1e", b"j@x", b"1", b"x +0100", b"J", b"j@x"])
        + b"\0" + b"\0".join([b"2", b"x +9999", b"N", b"", b""]) + b"\0\n1\t2\tna\xefve.txt\0"
    )  # fmt: skip
    (commit,) = raw
    assert commit.author_name.startswith("J\ufffdr")  # a stray RS inside a name stays in the name
    assert commit.files[0].path == "na\udcefve.txt"
    assert commit.committer_date.utcoffset() == timedelta(0)  # an impossible offset falls back to UTC
    assert len(read_commits(history.path, ["HEAD"])) == 1


def test_range_reads_review_and_bounded_history(history: History) -> None:
    old = [history.commit(ALICE, at(f"2026-05-{d:02d} 10:00", "+02:00")) for d in range(1, 6)]
    base = history.head()
    new = [history.commit(BOB, at(f"2026-05-{d:02d} 11:00", "-04:00")) for d in (10, 11)]
    assert history_tips(history.path, f"{base}..HEAD") == (base,)
    commits = load_range(history.path, f"{base}..HEAD", SETTINGS, now=NOW)
    assert [c.sha for c in commits.review] == new[::-1]
    assert [c.sha for c in commits.history] == old[::-1]
    everything = load_range(history.path, None, SETTINGS, now=NOW)
    assert len(everything.review) == 7 and everything.history == ()


def test_empty_repository_and_bad_revisions(tmp_path: Path, history: History) -> None:
    assert load_range(history.path, None, SETTINGS, now=NOW).review == ()
    with pytest.raises(GitError, match="nope"):
        load_range(history.path, "nope..HEAD", SETTINGS, now=NOW)
    with pytest.raises(GitError):
        read_commits(tmp_path / "missing", ["HEAD"])
