"""transfer-tool: a transfer program run on watched data or on a staged archive.

Why it matters: scp, rsync, rclone, an FTP client, curl's upload forms, nc or
socat, a cloud CLI (`aws s3 cp`, `gsutil cp`, `az storage blob upload`,
`gcloud storage cp`) or an ad-hoc file server (`python -m http.server`) run
over a source tree or an archive of one is data leaving the host (ATT&CK
T1048 Exfiltration Over Alternative Protocol, T1041, T1567.002 Exfiltration
to Cloud Storage). A tunnel (ngrok, cloudflared, chisel ...) publishes a
local port to the internet whatever it serves (T1572 Protocol Tunneling).

How: process exec events (audit, or the psutil poller) classified by the
lists in rules/activity.yaml (`transfer_tools`, `upload_options`,
`cloud_uploads`, `ad_hoc_servers`, `tunnels`); the command's path arguments
(resolved against its cwd) must lie in a watched tree or name an archive
staged from one (sentinel/detectors/staged.py). An ad-hoc server counts when
the directory it serves holds watched data. Destinations named in the
arguments that are all in `approved_destinations` are not alerted. One alert
per account, program and destination in `repeat_seconds`. `git push` is the
unapproved-push detector's.

False positives: deploy scripts that rsync a build to an approved server
(add the server to `approved_destinations`); developers serving docs of a
watched checkout on localhost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.detectors import commands
from sentinel.detectors.base import WRITES_OF_FILES, Context
from sentinel.detectors.staged import StagedArchives
from sentinel.model import Alert, Event, Severity

ID = "transfer-tool"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    severity: str = "high"
    tunnel_severity: str = "medium"
    staged_seconds: float = 3600.0  # how long a staged archive stays interesting
    repeat_seconds: float = 600.0


class TransferTool:
    id = ID
    consumes = frozenset({("process", "exec")}) | WRITES_OF_FILES

    def __init__(self, context: Context) -> None:
        self._context = context
        base = context.rules.settings(Settings, ID)
        self._staged = StagedArchives(
            context.rules, context.watched, timedelta(seconds=base.staged_seconds), timedelta(seconds=10)
        )
        self._last: dict[tuple[str, str, str], datetime] = {}

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        command = commands.parse(event)
        self._staged.observe(event, command)
        if command is None:
            return
        transfer = commands.classify(command, self._context.rules)
        if transfer is None:
            return
        settings = self._context.settings(Settings, ID, event.account)
        destinations = command.destinations
        if destinations and all(commands.approved_destination(d, self._context.rules) for d in destinations):
            return
        evidence: list[str] = []
        if transfer.kind == commands.TUNNEL:
            severity = settings.tunnel_severity
            what = "opened a tunnel"
        else:
            paths = transfer.sent
            watched = sorted({p for p in paths if commands.under(p, self._context.watched)})
            staged = self._staged.referenced(event.account, paths, event.ts)
            if not watched and not staged:
                return
            severity = settings.severity
            what = "served watched data" if transfer.kind == commands.SERVER else f"ran {transfer.kind} tool"
            evidence += [f"watched path: {p}" for p in watched[:5]]
            evidence += [f"staged archive: {', '.join(s.outputs)} (from: {s.how})" for s in staged[:3]]
        key = (event.account, command.program, ",".join(destinations))
        last = self._last.get(key)
        if last is not None and event.ts - last < timedelta(seconds=settings.repeat_seconds):
            return
        self._last[key] = event.ts
        target = f" to {', '.join(destinations)}" if destinations else ""
        yield self._context.alert(
            detector=ID,
            severity=Severity(severity),
            event=event,
            start=event.ts,
            end=event.ts,
            message=f"{event.account} {what}: {command.program}{target}",
            attack=transfer.attack,
            evidence=(
                f"command: {command.line}",
                f"kind: {transfer.kind}",
                *evidence,
                *(f"destination: {d}" for d in destinations),
                *((f"process: {event.detail}",) if event.detail else ()),
                f"attributed by: {event.attributed_by or 'unknown'}",
            ),
        )

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())
