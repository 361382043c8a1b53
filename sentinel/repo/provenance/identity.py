"""Unknown, new and shared identities: is the author who the directory says?

- unknown-identity: an author or committer email that no account lists.
- new-identity: a known account committing under a name it never used, or an
  unlisted email under a known account's name (a second, unmanaged identity).
- shared-identity: one email listed by two accounts, one signing key used by
  two accounts, or one unusual author name used by two accounts: attribution
  is ambiguous, or one person is doing two people's work.

False positives: a new hire not yet in the directory, a legitimate name change,
generic names (common_author_names are ignored), bots. Severity is medium;
shared signing keys are high.
ATT&CK: T1078 (Valid Accounts), T1656 (Impersonation).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import UNKNOWN_ACCOUNT, Account, Finding, Role, Severity

from .commits import CommitInfo
from .context import Commits, author_of, describe, finding


@lru_cache(maxsize=4096)
def normal_name(name: str) -> str:
    return " ".join(name.casefold().split())


def check_unknown(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    if not directory.accounts:
        return  # no directory configured: everyone would be unknown, which says nothing
    names = _names(commits, directory, settings)
    trusted = {e.lower() for e in settings.trusted_committers}
    seen: dict[tuple[str, str], list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        if author_of(directory, commit).role is Role.UNKNOWN and normal_name(commit.author_name) not in names:
            seen[("author", commit.author)].append(commit)
        committer = directory.by_email(commit.committer_email)
        if (
            committer.role is Role.UNKNOWN
            and commit.committer_email not in trusted
            and commit.committer_email != commit.author_email
        ):
            seen[("committer", commit.committer)].append(commit)
    for (kind, identity), found in seen.items():
        yield finding(
            rule="unknown-identity",
            account=UNKNOWN_ACCOUNT,
            severity=Severity.MEDIUM,
            contractor=Severity.MEDIUM,
            message=(
                f"expected every author and committer to be an account in the identity directory; "
                f"seen {identity!r} as {kind}, listed nowhere, on {describe(found)}"
            ),
            commits=found,
            attack=("T1078",),
        )


def _names(commits: Commits, directory: Directory, settings: ProvenanceConfig) -> dict[str, Account]:
    """Author names that identify one account: its directory name and names it committed under."""
    common = {normal_name(n) for n in settings.common_author_names}
    owners: dict[str, set[str]] = defaultdict(set)
    for account in directory.accounts:
        if account.name:
            owners[normal_name(account.name)].add(account.id)
    for commit in commits.history:
        account = author_of(directory, commit)
        if account.role is not Role.UNKNOWN:
            owners[normal_name(commit.author_name)].add(account.id)
    names: dict[str, Account] = {}
    for name, ids in owners.items():
        owner = directory.by_id(next(iter(ids)))
        if len(ids) == 1 and name and name not in common and owner is not None:
            names[name] = owner
    return names


def check_new(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    if not directory.accounts:
        return
    names = _names(commits, directory, settings)
    used: dict[str, set[str]] = defaultdict(set)  # account id -> names it committed under
    for commit in commits.history:
        used[author_of(directory, commit).id].add(normal_name(commit.author_name))
    found: dict[tuple[str, str], list[CommitInfo]] = defaultdict(list)
    for commit in sorted(commits.review, key=lambda c: c.author_date):
        account = author_of(directory, commit)
        name = normal_name(commit.author_name)
        if account.role is Role.UNKNOWN:
            owner = names.get(name)
            if owner is not None:
                found[(owner.id, f"email {commit.author_email!r}")].append(commit)
            continue
        known = used[account.id] | ({normal_name(account.name)} if account.name else set())
        if not used[account.id]:
            used[account.id].add(name)  # a first commit sets the baseline, it is not a change
            continue
        if name not in known:
            found[(account.id, f"name {commit.author_name!r}")].append(commit)
    for (account_id, what), hits in found.items():
        owner = directory.by_id(account_id) or UNKNOWN_ACCOUNT
        # An unlisted email under a known name may be someone posing as that person.
        email = what.startswith("email")
        yield finding(
            rule="new-identity",
            account=owner,
            severity=Severity.MEDIUM if email else Severity.LOW,
            contractor=Severity.HIGH if email else Severity.MEDIUM,
            message=(
                f"expected {account_id} to commit as its listed emails and the names it has used "
                f"({', '.join(sorted(used[account_id] - {''})) or owner.name or 'none yet'}); "
                f"seen a new {what} on {describe(hits)}"
            ),
            commits=hits,
            attack=("T1656",),
        )


def check_shared(
    commits: Commits, directory: Directory, settings: ProvenanceConfig, now: datetime
) -> Iterator[Finding]:
    yield from _shared_emails(commits, directory)
    yield from _shared_keys(commits, directory)
    yield from _shared_names(commits, directory, settings)


def _shared_emails(commits: Commits, directory: Directory) -> Iterator[Finding]:
    hits: dict[str, list[CommitInfo]] = defaultdict(list)
    for commit in commits.review:
        if len(directory.sharing_email(commit.author_email)) > 1:
            hits[commit.author_email].append(commit)
    for email, found in hits.items():
        owners = directory.sharing_email(email)
        yield finding(
            rule="shared-identity",
            account=owners[0],
            severity=Severity.MEDIUM,
            message=(
                f"expected each email to belong to one account; {email!r} is listed by "
                f"{', '.join(a.id for a in owners)} and authored {describe(found)}"
            ),
            commits=found,
            confidence="high",
            attack=("T1078",),
        )


def _who(directory: Directory, commit: CommitInfo) -> str:
    account = author_of(directory, commit)
    return account.id if account.role is not Role.UNKNOWN else commit.author_email


def _shared_keys(commits: Commits, directory: Directory) -> Iterator[Finding]:
    users: dict[str, dict[str, list[CommitInfo]]] = defaultdict(lambda: defaultdict(list))
    for commit in commits.everything():
        if commit.signing_key:
            users[commit.signing_key][_who(directory, commit)].append(commit)
    for key, by_user in users.items():
        if len(by_user) < 2:
            continue
        found = [c for group in by_user.values() for c in group if commits.reviewed(c)]
        if not found:
            continue
        yield finding(
            rule="shared-identity",
            account=author_of(directory, found[0]),
            severity=Severity.HIGH,
            message=(
                f"expected each signing key to belong to one person; key {key} signed commits of "
                f"{', '.join(sorted(by_user))}, including {describe(found)}"
            ),
            commits=found,
            confidence="high",
            attack=("T1078",),
        )


def _shared_names(commits: Commits, directory: Directory, settings: ProvenanceConfig) -> Iterator[Finding]:
    common = {normal_name(n) for n in settings.common_author_names}
    users: dict[str, dict[str, list[CommitInfo]]] = defaultdict(lambda: defaultdict(list))
    for commit in commits.everything():
        name = normal_name(commit.author_name)
        account = author_of(directory, commit)
        # Only names that look like a person's, used by accounts we know, say anything.
        if (
            name
            and name not in common
            and any(ch.isalpha() for ch in name)
            and account.role is not Role.UNKNOWN
        ):
            users[name][account.id].append(commit)
    for by_user in users.values():
        found = [c for group in by_user.values() for c in group if commits.reviewed(c)]
        if len(by_user) < 2 or not found:
            continue
        yield finding(
            rule="shared-identity",
            account=author_of(directory, found[0]),
            severity=Severity.MEDIUM,
            message=(
                f"expected each author name to belong to one account; {found[0].author_name!r} was used "
                f"by {', '.join(sorted(by_user))}, including {describe(found)}"
            ),
            commits=found,
            attack=("T1078",),
        )
