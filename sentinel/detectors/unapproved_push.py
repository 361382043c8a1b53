"""unapproved-push: a push to a git remote whose host is not approved for the account.

Why it matters: pushing a watched repository to a personal GitHub, a
throwaway server or a local bare repository on removable media moves the
whole history out at once (ATT&CK T1567.001, Exfiltration to Code Repository).

How: repo `push` events carry the remote URL as configured and, after
`url.<base>.insteadOf` rewriting, as used. Both must match the account's
`approved_remotes` (identities) or the global list in rules/activity.yaml;
an entry is a host (`github.com`) or a glob over `host/path`
(`github.com/acme/*`). A local path or file:// URL has the host `localhost`.

False positives: a new, legitimate remote not yet added to the directory.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sentinel.detectors.base import Context
from sentinel.model import Alert, Event, Severity

ID = "unapproved-push"
_SCP_LIKE = re.compile(r"^(?:[^@/]+@)?([^:/]+):(?!//)(.*)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    severity: str = "high"


def remote_location(url: str) -> str:
    """`host/path` of a git URL, lower-cased host, no user, port or `.git`."""
    url = url.strip()
    if "://" in url:
        parts = urlsplit(url)
        host = (parts.hostname or "localhost") if parts.scheme != "file" else "localhost"
        path = parts.path
    elif match := _SCP_LIKE.match(url):
        host, path = match.group(1), match.group(2)
    else:
        host, path = "localhost", url
    path = path.strip("/")
    path = path.removesuffix(".git")
    return f"{host.lower()}/{path}" if path else host.lower()


def approved(url: str, patterns: tuple[str, ...]) -> bool:
    location = remote_location(url)
    host = location.split("/", 1)[0]
    for pattern in patterns:
        if "://" in pattern or "@" in pattern:
            pattern = remote_location(pattern)
        else:
            pattern = pattern.lower().strip("/").removesuffix(".git")
        if pattern == host or fnmatch.fnmatchcase(location, pattern) or location == pattern:
            return True
    return False


class UnapprovedPush:
    id = ID
    consumes = frozenset({("repo", "push")})

    def __init__(self, context: Context) -> None:
        self._context = context

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.kind != "repo" or event.action != "push" or not event.remote:
            return
        account = self._context.account(event.account)
        patterns = (*account.approved_remotes, *self._context.rules.approved_remotes)
        # dest_path carries the URL after insteadOf rewriting, when it differs.
        urls = tuple(u for u in (event.remote, event.dest_path) if u)
        bad = tuple(u for u in urls if not approved(u, patterns))
        if not bad:
            return
        settings = self._context.settings(Settings, ID, event.account)
        yield self._context.alert(
            detector=ID,
            severity=Severity(settings.severity),
            event=event,
            start=event.ts,
            end=event.ts,
            message=f"{event.account} pushed {event.path} to unapproved remote {remote_location(bad[0])}",
            attack="T1567.001",
            evidence=(
                f"repository: {event.path}",
                *(f"remote: {u}" for u in urls),
                f"approved: {', '.join(patterns) or '(none)'}",
                *((event.detail,) if event.detail else ()),
            ),
        )

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())
