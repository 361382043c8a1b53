from __future__ import annotations

from sentinel.model import Severity
from sentinel.repo.provenance import check_range
from tests.repo.provenance.conftest import ALICE, BOB, NOW, SETTINGS, History, at, directory
from tests.repo.provenance.helpers import only

BIG = "".join(f"line {i}\n" for i in range(3000))


def _small_changes(history: History, who: object, count: int, offset: str) -> None:
    for day in range(1, count + 1):
        history.commit(who, at(f"2026-04-{day:02d} 10:00", offset), files={f"src/m{day}.py": f"x = {day}\n"})  # type: ignore[arg-type]


def test_deletion_far_beyond_the_accounts_habit(history: History) -> None:
    history.commit(ALICE, at("2026-03-01 10:00", "+01:00"), files={"src/core.py": BIG})
    _small_changes(history, BOB, 12, "-04:00")
    base = history.head()
    sha = history.commit(BOB, at("2026-05-01 10:00", "-04:00"), delete=("src/core.py",))
    (finding,) = only(
        check_range(history.path, f"{base}..HEAD", directory(), SETTINGS, now=NOW), "mass-change"
    )
    assert finding.evidence == (sha,) and finding.account == "bob" and finding.severity is Severity.HIGH
    assert "3000 in" in finding.message and "90th percentile of 12 earlier commits" in finding.message


def test_large_deletions_are_normal_for_some_accounts(history: History) -> None:
    for day in range(1, 13):
        history.commit(ALICE, at(f"2026-04-{day:02d} 10:00", "+02:00"), files={f"gen{day}.txt": BIG})
        if day > 1:
            history.commit(ALICE, at(f"2026-04-{day:02d} 11:00", "+02:00"), delete=(f"gen{day - 1}.txt",))
    base = history.head()
    history.commit(ALICE, at("2026-05-01 10:00", "+02:00"), delete=("gen12.txt",))
    assert (
        only(check_range(history.path, f"{base}..HEAD", directory(), SETTINGS, now=NOW), "mass-change") == []
    )


def test_binary_and_generated_additions(history: History) -> None:
    blobs: dict[str, str | bytes] = {f"assets/b{i}.bin": bytes([0, i, 1, 2]) for i in range(12)}
    sha = history.commit(BOB, at("2026-05-01 10:00", "-04:00"), files=blobs)
    generated = {"web/dist/app.min.js": "".join(f"var a{i}=1;\n" for i in range(12000))}
    sha2 = history.commit(BOB, at("2026-05-02 10:00", "-04:00"), files=generated)
    findings = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "mass-change")
    messages = {f.evidence: f.message for f in findings}
    assert "12 in" in messages[(sha,)] and "binary files" in messages[(sha,)]
    assert "generated lines added" in messages[(sha2,)]
    assert all(f.severity is Severity.MEDIUM for f in findings)  # low, raised for a contractor
