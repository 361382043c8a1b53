"""The account directory: who is an employee, who is a contractor, and what they claim.

File format: a top-level `accounts:` list (see config/identities.example.yaml).
Anyone not in the directory resolves to the `unknown` account.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sentinel import yamlfile
from sentinel.model import UNKNOWN_ACCOUNT, Account, Role

ACCOUNT_KEYS = frozenset(
    {
        "id", "name", "role", "emails", "usernames", "uids", "hosts", "country", "timezone",
        "hours", "approved_remotes", "start", "end", "require_signed", "integrator",
    }
)  # fmt: skip
_HOURS = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


@dataclass(frozen=True, slots=True)
class Directory:
    """Accounts with lookups by email, username, uid and host."""

    accounts: tuple[Account, ...] = ()
    _by_email: dict[str, tuple[Account, ...]] = field(default_factory=dict, repr=False)
    # Resolved emails as given: provenance resolves the same few emails 100,000 times.
    _memo: dict[str, Account] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, accounts: Iterable[Account]) -> Directory:
        accounts = tuple(accounts)
        by_email: dict[str, tuple[Account, ...]] = {}
        for account in accounts:
            for email in account.emails:
                key = email.lower()
                by_email[key] = (*by_email.get(key, ()), account)
        return cls(accounts, by_email)

    def by_id(self, account_id: str) -> Account | None:
        return next((a for a in self.accounts if a.id == account_id), None)

    def by_email(self, email: str) -> Account:
        """The account owning `email` (the first, if several claim it), else unknown."""
        found = self._memo.get(email)
        if found is None:
            matches = self._by_email.get(email.strip().lower(), ())
            found = self._memo[email] = matches[0] if matches else UNKNOWN_ACCOUNT
        return found

    def sharing_email(self, email: str) -> tuple[Account, ...]:
        return self._by_email.get(email.strip().lower(), ())

    def by_username(self, username: str) -> Account:
        return next((a for a in self.accounts if username in a.usernames), UNKNOWN_ACCOUNT)

    def by_uid(self, uid: int) -> Account:
        return next((a for a in self.accounts if uid in a.uids), UNKNOWN_ACCOUNT)

    def by_host(self, host: str) -> Account:
        return next((a for a in self.accounts if host in a.hosts), UNKNOWN_ACCOUNT)


def load(path: Path) -> Directory:
    """Parse and validate an identity file.

    Raises:
        ConfigError: naming the file, line and key of the first problem.
    """
    doc = yamlfile.load(path)
    if doc.data is None:
        return Directory.of(())
    if not isinstance(doc.data, dict):
        raise doc.error((), "expected a top-level 'accounts:' list")
    extra = sorted(str(k) for k in set(doc.data) - {"accounts"})
    if extra:
        raise doc.error((extra[0],), "unknown top-level key; expected only an 'accounts:' list")
    items = doc.data.get("accounts") or []
    if not isinstance(items, list):
        raise doc.error(("accounts",), "must be a list of accounts")
    accounts = [_account(doc, index, item) for index, item in enumerate(items)]
    seen: set[str] = set()
    for index, account in enumerate(accounts):
        if account.id in seen:
            raise doc.error(("accounts", index, "id"), f"duplicate account id {account.id!r}")
        seen.add(account.id)
    return Directory.of(accounts)


def _account(doc: yamlfile.Located, index: int, item: Any) -> Account:
    where = ("accounts", index)
    if not isinstance(item, dict):
        raise doc.error(where, "each account must be a mapping")
    unknown = sorted(set(item) - ACCOUNT_KEYS)
    if unknown:
        raise doc.error((*where, unknown[0]), f"unknown key (known keys: {', '.join(sorted(ACCOUNT_KEYS))})")

    def text(key: str, default: str = "") -> str:
        value = item.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str | int):
            raise doc.error((*where, key), "must be a string")
        return str(value)

    def strings(key: str) -> tuple[str, ...]:
        value = item.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise doc.error((*where, key), "must be a list of strings")
        return tuple(str(v) for v in value)

    def day(key: str) -> date | None:
        value = item.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise doc.error((*where, key), f"not a date (YYYY-MM-DD): {value!r}") from None

    def flag(key: str) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            raise doc.error((*where, key), "must be true or false")
        return value

    account_id = text("id")
    if not account_id:
        raise doc.error(where, "every account needs an 'id'")
    role_text = text("role", "employee")
    if role_text not in (Role.EMPLOYEE, Role.CONTRACTOR):
        raise doc.error((*where, "role"), f"must be 'employee' or 'contractor', not {role_text!r}")
    zone = text("timezone")
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise doc.error((*where, "timezone"), f"unknown IANA timezone {zone!r}") from None
    uids = strings("uids")
    if not all(u.isdigit() for u in uids):
        raise doc.error((*where, "uids"), "must be a list of numbers")
    emails = strings("emails")
    for position, email in enumerate(emails):
        if "@" not in email:
            raise doc.error((*where, "emails", position), f"not an email address: {email!r}")
    start, end = day("start"), day("end")
    if start is not None and end is not None and end < start:
        raise doc.error((*where, "end"), f"end {end} is before start {start}")
    return Account(
        id=account_id,
        name=text("name"),
        role=Role(role_text),
        emails=tuple(e.strip().lower() for e in emails),
        usernames=strings("usernames"),
        uids=tuple(int(u) for u in uids),
        hosts=strings("hosts"),
        country=text("country"),
        timezone=zone,
        hours=_hours(doc, (*where, "hours"), item.get("hours")),
        approved_remotes=strings("approved_remotes"),
        start=start,
        end=end,
        require_signed=flag("require_signed"),
        integrator=flag("integrator"),
    )


def warnings(directory: Directory) -> tuple[str, ...]:
    """What loads but weakens sentinel's checks: shared identifiers, contractors without claims."""
    problems: list[str] = []
    for label in ("email", "username", "uid", "host"):
        owners: dict[str, list[str]] = {}
        for account in directory.accounts:
            for value in getattr(account, f"{label}s"):
                owners.setdefault(str(value), []).append(account.id)
        problems.extend(
            f"{label} {value!r} is listed by {', '.join(ids)}; attribution to it is ambiguous"
            for value, ids in owners.items()
            if len(ids) > 1
        )
    for account in directory.accounts:
        if not account.emails:
            problems.append(f"{account.id} lists no emails: its commits will count as unknown")
        if account.role is Role.CONTRACTOR:
            missing = [k for k, v in (("timezone", account.timezone), ("hours", account.hours)) if not v]
            if missing:
                problems.append(
                    f"contractor {account.id} declares no {' or '.join(missing)}: location checks skip it"
                )
    return tuple(problems)


def _hours(doc: yamlfile.Located, where: tuple[str | int, ...], value: Any) -> tuple[time, time] | None:
    if value is None:
        return None
    match = _HOURS.match(str(value).strip())
    if not match:
        raise doc.error(where, f'expected hours like "09:00-18:00", got {value!r}')
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59:
        raise doc.error(where, f"not a time range: {value!r}")
    end = time(23, 59, 59) if h2 == 24 else time(h2, m2)
    return time(h1, m1), end
