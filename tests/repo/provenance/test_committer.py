from __future__ import annotations

import subprocess
from pathlib import Path

from sentinel.model import Role, Severity
from sentinel.repo.provenance import check_range
from tests.repo.provenance.conftest import ALICE, BOB, CAROL, NOW, SETTINGS, History, Person, at, directory
from tests.repo.provenance.helpers import only

GITHUB = Person("GitHub", "noreply@github.com")


def test_committer_who_is_not_an_integrator(history: History) -> None:
    sha = history.commit(ALICE, at("2026-05-01 10:00", "+02:00"), committer=BOB)
    history.commit(ALICE, at("2026-05-02 10:00", "+02:00"), committer=CAROL)  # Carol integrates
    history.commit(BOB, at("2026-05-03 10:00", "-04:00"), committer=GITHUB)  # web-flow merges
    (finding,) = only(check_range(history.path, None, directory(), SETTINGS, now=NOW), "committer-mismatch")
    assert finding.evidence == (sha,)
    assert (
        finding.account == "bob" and finding.role is Role.CONTRACTOR and finding.severity is Severity.MEDIUM
    )
    assert "'Alice Berger <alice@corp.example>' as author" in finding.message


def _ssh_key(folder: Path, name: str) -> Path:
    key = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True)
    return key


def _signing(history: History, key: Path, allowed: Path) -> None:
    history.extra_config = [
        "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "-c", f"gpg.ssh.allowedSignersFile={allowed}",
    ]  # fmt: skip


def test_signed_commits_when_the_account_requires_them(history: History, tmp_path: Path) -> None:
    alice_key, bob_key = _ssh_key(tmp_path, "alice"), _ssh_key(tmp_path, "bob")
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(
        f"{ALICE.email} {alice_key.with_suffix('.pub').read_text()}"
        f"{BOB.email} {bob_key.with_suffix('.pub').read_text()}"
    )
    strict = directory(alice={"require_signed": True}, bob={"require_signed": True})
    _signing(history, alice_key, allowed)
    history.commit(ALICE, at("2026-05-01 10:00", "+02:00"), sign=True)
    _signing(history, bob_key, allowed)
    history.commit(BOB, at("2026-05-01 10:00", "-04:00"), sign=True)
    # Reading needs the allowed signers too, as any verifier would.
    history.git("config", "gpg.ssh.allowedSignersFile", str(allowed))
    assert check_range(history.path, None, strict, SETTINGS, now=NOW) == []

    history.extra_config = []
    unsigned = history.commit(BOB, at("2026-05-02 10:00", "-04:00"))
    _signing(history, alice_key, allowed)
    forged = history.commit(BOB, at("2026-05-03 10:00", "-04:00"), sign=True)  # Bob signs with Alice's key
    findings = check_range(history.path, None, strict, SETTINGS, now=NOW)
    by_rule = {(f.rule_id, f.evidence): f for f in findings}
    missing = by_rule[("provenance.unsigned-commit", (unsigned,))]
    assert missing.severity is Severity.HIGH and "no signature (N)" in missing.message
    # A good signature by Alice's key on Bob's commit is not Bob's signature.
    assert "signed by alice@corp.example" in by_rule[("provenance.unsigned-commit", (forged,))].message
    (shared,) = only(findings, "shared-identity")
    assert forged in shared.evidence and "alice, bob" in shared.message
    assert shared.severity is Severity.HIGH


def test_signatures_are_not_verified_when_turned_off(history: History) -> None:
    from dataclasses import replace

    history.commit(ALICE, at("2026-05-01 10:00", "+02:00"))
    strict = directory(alice={"require_signed": True})
    assert only(check_range(history.path, None, strict, SETTINGS, now=NOW), "unsigned-commit")
    lax = replace(SETTINGS, verify_signatures=False)
    assert check_range(history.path, None, strict, lax, now=NOW) == []
