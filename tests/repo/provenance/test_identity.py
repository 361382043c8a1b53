from __future__ import annotations

from sentinel.identities import Directory
from sentinel.model import Account, Role, Severity
from sentinel.repo.provenance import check_range
from tests.repo.provenance.conftest import ALICE, BOB, MALLORY, NOW, SETTINGS, History, Person, at, directory
from tests.repo.provenance.helpers import only, rule_ids


def test_unknown_author_and_committer(history: History) -> None:
    sha = history.commit(MALLORY, at("2026-05-04 10:00", "+02:00"))
    history.commit(ALICE, at("2026-05-05 10:00", "+02:00"), committer=Person("Ops", "ops@corp.example"))
    findings = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "unknown-identity")
    author, committer = sorted(findings, key=lambda f: "as committer" in f.message)
    assert author.evidence == (sha,) and author.role is Role.UNKNOWN and author.severity is Severity.MEDIUM
    assert "'Mallory <mallory@elsewhere.example>' as author" in author.message
    assert "ops@corp.example" in committer.message and "as committer" in committer.message


def test_no_directory_means_no_unknown_findings(history: History) -> None:
    history.commit(MALLORY, at("2026-05-04 10:00", "+02:00"))
    assert check_range(history.path, None, Directory.of(()), SETTINGS, now=NOW) == []


def test_known_account_under_a_new_name_or_a_new_email(history: History) -> None:
    history.series(ALICE, at("2026-05-01 10:00", "+02:00"), 3)
    base = history.head()
    renamed = history.commit(ALICE, at("2026-05-05 10:00", "+02:00"), name="A. Berger (laptop)")
    personal = history.commit(
        Person(ALICE.name, "alice.private@mail.example"), at("2026-05-06 10:00", "+02:00")
    )
    findings = check_range(history.path, f"{base}..HEAD", directory(), SETTINGS, now=NOW)
    by_evidence = {f.evidence: f for f in only(findings, "new-identity")}
    assert "new name 'A. Berger (laptop)'" in by_evidence[(renamed,)].message
    assert "new email 'alice.private@mail.example'" in by_evidence[(personal,)].message
    assert by_evidence[(personal,)].account == "alice"
    assert (
        by_evidence[(personal,)].severity is Severity.MEDIUM
        and by_evidence[(renamed,)].severity is Severity.LOW
    )
    # The private email is attributed to Alice by name, so it is not also "unknown".
    assert only(findings, "unknown-identity") == []


def test_first_commits_and_the_directory_name_are_not_new(history: History) -> None:
    history.commit(ALICE, at("2026-05-01 10:00", "+02:00"), name="alice")
    history.commit(ALICE, at("2026-05-02 10:00", "+02:00"))
    history.commit(ALICE, at("2026-05-03 10:00", "+02:00"), name="alice")
    assert check_range(history.path, None, directory(), SETTINGS, now=NOW) == []


def test_two_accounts_listing_one_email(history: History) -> None:
    twin = Account(id="alice2", name="Alice Second", role=Role.CONTRACTOR, emails=(ALICE.email,))
    sha = history.commit(ALICE, at("2026-05-01 10:00", "+02:00"))
    (finding,) = only(check_range(history.path, None, directory(twin), SETTINGS, now=NOW), "shared-identity")
    assert finding.evidence == (sha,) and "alice, alice2" in finding.message


def test_two_accounts_using_one_unusual_author_name(history: History) -> None:
    history.commit(ALICE, at("2026-05-01 10:00", "+02:00"), name="xX_n1ght0wl_Xx")
    sha = history.commit(BOB, at("2026-05-01 10:00", "-04:00"), name="xX_n1ght0wl_Xx")
    findings = check_range(history.path, None, directory(), SETTINGS, now=NOW)
    (finding,) = only(findings, "shared-identity")
    assert sha in finding.evidence and "alice, bob" in finding.message
    # A generic name shared by many is not a signal.
    other = History(history.path.parent / "generic")
    other.commit(ALICE, at("2026-05-01 10:00", "+02:00"), name="root")
    other.commit(BOB, at("2026-05-01 10:00", "-04:00"), name="root")
    assert "provenance.shared-identity" not in rule_ids(
        check_range(other.path, None, directory(), SETTINGS, now=NOW)
    )
