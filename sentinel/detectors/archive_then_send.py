"""archive-then-send: watched data archived, compressed, encrypted or split, then sent or copied out.

Why it matters: the sequence is the classic exfiltration shape: pack the
data (ATT&CK T1560.001 Archive via Utility), perhaps encrypt it or split it
into pieces under a size limit (T1030 Data Transfer Size Limits), then push
it out through any channel (T1048, T1041, T1052, T1567). Each step alone is
routine for a developer; the pair within a short window is not.

How: a staging step (sentinel/detectors/staged.py: an archiver from rules
`archivers` whose inputs touch a watched tree, or an archive written inside
one) followed, by the same account within `window_seconds`, by a send: any
transfer command (see transfer-tool; also `ssh`, `cp`, `mv` or `dd` naming
the staged file), a write to removable or network media (`transfer` events),
a write into a cloud-sync folder, or `send_bytes` or more leaving the host
to one destination (network `sent` events). An archive piped to stdout
(`tar cz src | nc host 9`) pairs with a send within `pipe_seconds`. One
alert per staged item.

False positives: release engineering that tars a checkout and uploads it to
an approved artifact store (add it to `approved_destinations`).
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.detectors import commands
from sentinel.detectors.base import WRITES_OF_FILES, Context, human_bytes
from sentinel.detectors.staged import STDOUT, Staged, StagedArchives
from sentinel.model import Alert, Event, Severity

ID = "archive-then-send"
_COPY_PROGRAMS = frozenset({"ssh", "cp", "mv", "dd", "install", "cat", "tee"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    window_seconds: float = 1800.0
    pipe_seconds: float = 10.0
    send_bytes: int = 10 * 1024 * 1024
    severity: str = "high"


class ArchiveThenSend:
    id = ID
    consumes = frozenset({("process", "exec"), ("network", "sent")}) | WRITES_OF_FILES

    def __init__(self, context: Context) -> None:
        self._context = context
        base = context.rules.settings(Settings, ID)
        self._staged = StagedArchives(
            context.rules,
            context.watched,
            timedelta(seconds=base.window_seconds),
            timedelta(seconds=base.pipe_seconds),
        )
        self._sends: dict[str, collections.deque[Event]] = {}

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        command = commands.parse(event)
        staged_now = self._staged.observe(event, command)
        if staged_now is not None:
            # Both ends of a pipe start together and audit may report the sender first.
            if STDOUT in staged_now.outputs:
                earlier = self._earlier_send(event)
                if earlier is not None:
                    yield from self._alert(event, earlier[0], earlier[1], (staged_now,))
            return
        found = self._send(event, command)
        if found is None:
            if command is not None and commands.classify(command, self._context.rules) is not None:
                queue = self._sends.setdefault(event.account, collections.deque(maxlen=16))
                queue.append(event)
            return
        how, attack, staged = found
        yield from self._alert(event, how, attack, staged)

    def _earlier_send(self, event: Event) -> tuple[str, str] | None:
        """A transfer command started just before a piped archiver (the pipe's other end)."""
        queue = self._sends.get(event.account)
        pipe = timedelta(seconds=self._context.settings(Settings, ID, event.account).pipe_seconds)
        while queue:
            sender = queue.pop()
            if event.ts - sender.ts > pipe:
                return None
            command = commands.parse(sender)
            transfer = commands.classify(command, self._context.rules) if command is not None else None
            if command is not None and transfer is not None and transfer.kind != commands.TUNNEL:
                return command.line, transfer.attack
        return None

    def _alert(self, event: Event, how: str, attack: str, staged: tuple[Staged, ...]) -> Iterator[Alert]:
        settings = self._context.settings(Settings, ID, event.account)
        for item in staged:
            self._staged.remove(item)
        first = staged[0]
        start, end = min(first.ts, event.ts), max(first.ts, event.ts)
        yield self._context.alert(
            detector=ID,
            severity=Severity(settings.severity),
            event=event,
            start=start,
            end=end,
            message=f"{event.account} archived watched data and sent it: {how}",
            attack="T1030" if any(s.split for s in staged) else attack,
            evidence=(
                *(f"staged ({s.ts.isoformat(timespec='seconds')}): {s.how}" for s in staged[:3]),
                *(f"from: {p}" for p in sorted({p for s in staged for p in s.inputs})[:5]),
                f"sent ({event.ts.isoformat(timespec='seconds')}): {how}",
                f"gap: {(end - start).total_seconds():.1f} s",
                "collected with T1560.001 (archive via utility)",
                f"attributed by: {event.attributed_by or 'unknown'}",
            ),
        )

    def _send(
        self, event: Event, command: commands.Command | None
    ) -> tuple[str, str, tuple[Staged, ...]] | None:
        """(what was sent, ATT&CK id, staged items it carries) when `event` sends."""
        recent = self._staged.recent(event.account, event.ts)
        if not recent:
            return None
        piped = tuple(s for s in recent if STDOUT in s.outputs)
        files = tuple(s for s in recent if STDOUT not in s.outputs)
        rules = self._context.rules
        if command is not None:
            transfer = commands.classify(command, rules)
            named = self._staged.referenced(event.account, command.paths, event.ts)
            if command.destinations and all(
                commands.approved_destination(d, rules) for d in command.destinations
            ):
                return None
            if transfer is not None and transfer.kind != commands.TUNNEL:
                carried = named or piped or files
                return command.line, transfer.attack, carried
            if command.program in _COPY_PROGRAMS and (named or (piped and command.program == "ssh")):
                return command.line, "T1048.002" if command.program == "ssh" else "T1052", named or piped
            return None
        if event.kind == "transfer" and event.action in ("write", "create", "move"):
            return (
                f"wrote {event.dest_path or event.path} to removable or network media",
                "T1052.001",
                files or recent,
            )
        if event.kind == "file" and event.action in ("write", "create", "move"):
            path = event.dest_path or event.path
            if rules.is_cloud_sync(path):
                return f"wrote {path} into a cloud-sync folder", "T1567.002", files or recent
            return None
        if event.kind == "network" and event.action == "sent" and event.bytes >= self._send_bytes(event):
            if commands.approved_destination(commands.host_of(event.remote), rules):
                return None
            return f"{human_bytes(event.bytes)} to {event.remote}", "T1048", files or recent
        return None

    def _send_bytes(self, event: Event) -> int:
        return self._context.settings(Settings, ID, event.account).send_bytes

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())
