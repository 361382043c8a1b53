"""Author/committer mismatch and unsigned commits: who really put this commit in.

- committer-mismatch: the committer is someone other than the author and is
  not a known integrator (`integrator: true`) or a trusted committer (such as
  GitHub's web-flow). Setting GIT_AUTHOR_* to a colleague is the cheapest way
  to make a change look like someone else's work.
- unsigned-commit: the author's account requires signed commits
  (`require_signed: true`) and the commit's signature is missing, bad or not
  verifiable (git's %G? not in signature_ok).

False positives: maintainers applying patches (`git am`) or cherry-picking who
are not marked as integrators; signatures that cannot be verified because the
verifying machine lacks the public keys or gpg.ssh.allowedSignersFile.
ATT&CK: T1656 (Impersonation), T1195.002 (Compromise Software Supply Chain).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Finding, Severity

from .commits import CommitInfo
from .context import Commits, author_of, describe, finding

log = logging.getLogger(__name__)

# What git's %G? letters mean, for messages.
STATUSES = {
    "G": "a good signature",
    "U": "a good signature of unknown validity",
    "X": "a good signature that has expired",
    "Y": "a good signature by an expired key",
    "R": "a good signature by a revoked key",
    "E": "a signature that cannot be checked (missing key?)",
    "B": "a bad signature",
    "N": "no signature",
    "other": "a good signature by another identity",
}


def check_mismatch(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    trusted = {e.lower() for e in settings.trusted_committers}
    pairs: dict[tuple[str, str], list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        if commit.committer_email == commit.author_email or commit.committer_email in trusted:
            continue
        author = author_of(directory, commit)
        committer = directory.by_email(commit.committer_email)
        if committer.integrator or (author.id == committer.id and author.id != "unknown"):
            continue
        pairs[(commit.author, commit.committer)].append(commit)
    for (author_text, committer_text), found in pairs.items():
        committer = directory.by_email(found[0].committer_email)
        yield finding(
            rule="committer-mismatch",
            # The committer chose the author line, so the committer is who this is about.
            account=committer,
            severity=Severity.LOW,
            contractor=Severity.MEDIUM,
            message=(
                f"expected authors to commit their own work, or a known integrator to apply it; seen "
                f"{author_text!r} as author but {committer_text!r} ({committer.id}, not an integrator) "
                f"as committer on {describe(found)}"
            ),
            commits=found,
            attack=("T1656",),
        )


def check_unsigned(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    if not settings.verify_signatures:
        if any(author_of(directory, c).require_signed for c in commits.review):
            log.warning("provenance.verify_signatures is off: require_signed is not enforced")
        return
    groups: dict[tuple[str, str], list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        account = author_of(directory, commit)
        if not account.require_signed:
            continue
        if commit.signature not in settings.signature_ok:
            groups[(account.id, commit.signature or "N")].append(commit)
        elif commit.signer and not any(e in commit.signer.lower() for e in account.emails):
            # A good signature, but by someone else's key: not the account's own signature.
            groups[(account.id, "other")].append(commit)
    for (account_id, status), found in groups.items():
        account = author_of(directory, found[0])
        yield finding(
            rule="unsigned-commit",
            account=account,
            severity=Severity.MEDIUM,
            contractor=Severity.HIGH,
            message=(
                f"{account_id} must sign its commits (require_signed: true; accepted: "
                f"{'/'.join(settings.signature_ok)} by one of its emails); seen "
                f"{STATUSES.get(status, repr(status))} ({_signer(status, found)}) on {describe(found)}"
            ),
            commits=found,
            confidence="high",
            attack=("T1195.002",),
        )


def _signer(status: str, found: list[CommitInfo]) -> str:
    if status == "other":
        return "signed by " + ", ".join(sorted({c.signer for c in found}))
    return status
