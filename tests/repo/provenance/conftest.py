"""Real git histories with controlled identities, dates and offsets, for provenance tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sentinel.config import ProvenanceConfig
from sentinel.identities import Directory
from sentinel.model import Account, Role

# Every test judges its history at this instant.
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Person:
    name: str
    email: str


ALICE = Person("Alice Berger", "alice@corp.example")  # employee, Europe/Berlin
BOB = Person("Bob Okafor", "bob@contractor.example")  # contractor, America/New_York
CAROL = Person("Carol Integrator", "carol@corp.example")  # employee, integrator
MALLORY = Person("Mallory", "mallory@elsewhere.example")  # in no directory


def directory(*extra: Account, **changes: object) -> Directory:
    """Alice (employee, Berlin), Bob (contractor, New York), Carol (integrator), plus `extra`."""
    from datetime import date, time

    hours = (time(9, 0), time(18, 0))
    alice = Account(
        id="alice", name=ALICE.name, role=Role.EMPLOYEE, emails=(ALICE.email,), country="DE",
        timezone="Europe/Berlin", hours=hours, start=date(2024, 1, 1),
    )  # fmt: skip
    bob = Account(
        id="bob", name=BOB.name, role=Role.CONTRACTOR, emails=(BOB.email,), country="US",
        timezone="America/New_York", hours=hours, start=date(2025, 1, 1),
    )  # fmt: skip
    carol = Account(
        id="carol", name=CAROL.name, role=Role.EMPLOYEE, emails=(CAROL.email,), country="DE",
        timezone="Europe/Berlin", hours=hours, integrator=True,
    )  # fmt: skip
    import dataclasses

    accounts = [alice, bob, carol]
    for account_id, fields in changes.items():
        index = next(i for i, a in enumerate(accounts) if a.id == account_id)
        assert isinstance(fields, dict)
        accounts[index] = dataclasses.replace(accounts[index], **fields)
    return Directory.of([*accounts, *extra])


SETTINGS = ProvenanceConfig()


def at(local: str, offset: str) -> datetime:
    """'2026-03-28 10:00' at '+01:00' as an aware datetime."""
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = (int(p) for p in offset[1:].split(":"))
    tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    return datetime.fromisoformat(local).replace(tzinfo=tz)


def git_date(when: datetime) -> str:
    """The form git reads from GIT_AUTHOR_DATE, keeping the offset (e.g. 2026-03-28T10:00:00+0100)."""
    return when.strftime("%Y-%m-%dT%H:%M:%S%z")


class History:
    """A throwaway repository whose commits carry exactly the identities and dates given."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True)
        self.home = path.parent / "home"
        self.home.mkdir(exist_ok=True)
        self.extra_config: list[str] = []
        self.git("init", "-q", "-b", "main")
        self.count = 0

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        full_env = {
            **os.environ,
            "HOME": str(self.home),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": "Setup",
            "GIT_AUTHOR_EMAIL": "setup@corp.example",
            "GIT_COMMITTER_NAME": "Setup",
            "GIT_COMMITTER_EMAIL": "setup@corp.example",
            **(env or {}),
        }
        done = subprocess.run(
            ["git", *self.extra_config, *args], cwd=self.path, env=full_env, capture_output=True, check=False
        )
        if done.returncode:
            raise AssertionError(f"git {args} failed: {done.stderr.decode(errors='replace')}")
        return done.stdout.decode("utf-8", "replace").strip()

    def commit(
        self,
        who: Person,
        when: datetime,
        *,
        committer: Person | None = None,
        committed: datetime | None = None,
        files: dict[str, str | bytes] | None = None,
        delete: tuple[str, ...] = (),
        sign: bool = False,
        name: str | None = None,
        quiet: bool = False,
    ) -> str:
        """Commit as `who` at `when` (its offset kept); the committer defaults to the author."""
        self.count += 1
        for path, content in (files or {}).items():
            target = self.path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        for path in delete:
            (self.path / path).unlink()
        if files or delete:
            self.git("add", "-A")
        by = committer or who
        env = {
            "GIT_AUTHOR_NAME": name if name is not None else who.name,
            "GIT_AUTHOR_EMAIL": who.email,
            "GIT_AUTHOR_DATE": git_date(when),
            "GIT_COMMITTER_NAME": by.name,
            "GIT_COMMITTER_EMAIL": by.email,
            "GIT_COMMITTER_DATE": git_date(committed or when),
        }
        self.git("commit", "-q", "--allow-empty", *(["-S"] if sign else []), "-m", f"c{self.count}", env=env)
        return "" if quiet else self.git("rev-parse", "HEAD")

    def series(
        self,
        who: Person,
        first: datetime,
        days: int,
        *,
        step: timedelta = timedelta(days=1),
        zone: str | None = None,
    ) -> list[str]:
        """`days` commits from `first`, `step` apart (see `plan`)."""
        return self.replay(plan(who, first, days, step=step, zone=zone))

    def replay(self, entries: list[tuple[Person, datetime]]) -> list[str]:
        """Commit `entries` in time order, as a real shared branch would record them."""
        for who, when in sorted(entries, key=lambda e: e[1]):
            self.commit(who, when, quiet=True)
        return self.git("rev-list", "--reverse", f"--max-count={len(entries)}", "HEAD").split()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")


def plan(
    who: Person, first: datetime, count: int, *, step: timedelta = timedelta(days=1), zone: str | None = None
) -> list[tuple[Person, datetime]]:
    """`count` dates from `first`, `step` apart; with `zone`, `first` is local time there and each
    date takes the offset the zone uses that day (daylight saving included)."""
    entries = []
    for i in range(count):
        when = first + i * step
        if zone is not None:
            aware = (first.replace(tzinfo=None) + i * step).replace(tzinfo=ZoneInfo(zone))
            when = aware.astimezone(timezone(aware.utcoffset() or timedelta(0)))
        entries.append((who, when))
    return entries


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    yield History(tmp_path / "repo")
