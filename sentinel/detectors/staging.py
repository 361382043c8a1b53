"""staging: archives or bundles of watched data being built.

Why it matters: data is usually packed before it leaves: a tarball of a
checkout, a `git bundle` of a repository, an encrypted zip of an export
(ATT&CK T1560, Archive Collected Data; T1074.001, Local Data Staging).

How: a file written in a watched tree whose name ends in one of
`archive_extensions` (rules/activity.yaml) and whose size reaches
`min_bytes`; and repo `bundle`/`archive` events (seen through audit). One
alert per path per run.

False positives: release builds that write tarballs into the tree; ignore
their output directories or raise `min_bytes`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sentinel.detectors.base import WRITES_OF_FILES, Context, human_bytes
from sentinel.model import Alert, Event, Severity

ID = "staging"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    min_bytes: int = 10 * 1024 * 1024
    severity: str = "medium"


class Staging:
    id = ID
    consumes = frozenset({("repo", "bundle"), ("repo", "archive")}) | WRITES_OF_FILES

    def __init__(self, context: Context) -> None:
        self._context = context
        self._seen: set[tuple[str, str]] = set()

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        if event.kind not in ("repo", "file", "transfer"):
            return
        settings = self._context.settings(Settings, ID, event.account)
        if event.kind == "repo" and event.action in ("bundle", "archive"):
            what = f"git {event.action} of {event.path}"
        elif (
            event.kind in ("file", "transfer")
            and event.action in ("write", "create", "move")
            and self._context.rules.is_archive(event.dest_path or event.path)
            and event.bytes >= settings.min_bytes
        ):
            what = f"archive {event.dest_path or event.path} ({human_bytes(event.bytes)})"
        else:
            return
        key = (event.account, event.dest_path or event.path)
        if key in self._seen:
            return
        self._seen.add(key)
        yield self._context.alert(
            detector=ID,
            severity=Severity(settings.severity),
            event=event,
            start=event.ts,
            end=event.ts,
            message=f"{event.account} staged data: {what}",
            attack="T1560",
            evidence=(what, *((f"argv: {' '.join(event.argv)}",) if event.argv else ())),
        )

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())
