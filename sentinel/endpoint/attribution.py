"""Who did it: audit's login uid when known, else the host's account, else the path's owner.

The login uid (auid) is set at login and survives sudo and su, so it names
the person, not the account they switched to. Without audit, a host assigned
to one account (`agent.account`) attributes everything to it; otherwise the
owner of the file is the best guess (weak: root-owned trees say nothing).
"""

from __future__ import annotations

import functools
import pwd

from sentinel.identities import Directory

AUDIT = "audit-auid"
HOST_ACCOUNT = "host-account"
PATH_OWNER = "path-owner"
AGENT = "agent"
NONE = "none"


class Attributor:
    def __init__(self, directory: Directory, host_account: str) -> None:
        self._directory = directory
        self.host_account = host_account

    def fallback(self, owner_uid: int | None) -> tuple[str, str]:
        """(account, attributed_by) without audit."""
        if self.host_account:
            return self.host_account, HOST_ACCOUNT
        if owner_uid is None:
            return "unknown", NONE
        return self.uid_account(owner_uid), PATH_OWNER

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one Attributor per run; uids are few)
    def uid_account(self, uid: int) -> str:
        """The directory account for a uid, else the OS user name, else uid-N."""
        account = self._directory.by_uid(uid)
        if account.id != "unknown":
            return account.id
        try:
            name = pwd.getpwuid(uid).pw_name
        except KeyError:
            return f"uid-{uid}"
        account = self._directory.by_username(name)
        return account.id if account.id != "unknown" else name
