"""Archives and encrypted files recently built from watched data, per account.

Shared state of transfer-tool and archive-then-send: an archiver (rules
`archivers`: tar, zip, 7z, gpg, openssl enc, split ...) whose arguments touch
a watched tree or an earlier staged file stages its outputs; so does a file
with an archive extension written inside a watched tree. A staged output
written to stdout (`tar cz src | ...`) is remembered for `pipe_seconds` only:
whatever sends next in the pipe is what matters.
"""

from __future__ import annotations

import collections
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from sentinel.detectors import commands
from sentinel.detectors.activity import ActivityRules
from sentinel.model import Event

STDOUT = "-"
_OUTPUT_OPTIONS = frozenset({"-f", "--file", "-o", "--output", "-out", "--out"})
# Compressors and encryptors that write <input><suffix> next to their input.
_IN_PLACE = frozenset({"gzip", "pigz", "bzip2", "xz", "zstd", "lz4", "gpg", "gpg2", "age", "ccrypt"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Staged:
    account: str
    ts: datetime
    outputs: tuple[str, ...]  # paths (prefixes: split chunks, x.gpg of x) or STDOUT
    inputs: tuple[str, ...]  # the watched or staged paths it was built from
    how: str  # the command line, or "wrote <path>"
    split: bool = False


class StagedArchives:
    def __init__(
        self, rules: ActivityRules, watched: tuple[str, ...], ttl: timedelta, pipe: timedelta
    ) -> None:
        self._rules = rules
        self._watched = watched
        self._ttl = ttl
        self._pipe = pipe
        self._by_account: dict[str, collections.deque[Staged]] = {}

    def observe(self, event: Event, command: commands.Command | None) -> Staged | None:
        """Record what `event` stages, if anything; return it."""
        staged = None
        if command is not None and any(commands.words_match(command.argv, p) for p in self._rules.archivers):
            staged = self._from_command(event, command)
        elif (
            event.kind == "file"
            and event.action in ("write", "create", "move")
            and self._rules.is_archive(event.dest_path or event.path)
            and commands.under(event.dest_path or event.path, self._watched)
        ):
            path = event.dest_path or event.path
            staged = Staged(
                account=event.account, ts=event.ts, outputs=(path,), inputs=(path,), how=f"wrote {path}"
            )
        if staged is not None:
            queue = self._by_account.setdefault(event.account, collections.deque())
            # One file is written many times while it grows: keep the newest record only.
            if staged.how.startswith("wrote ") and queue and queue[-1].outputs == staged.outputs:
                queue.pop()
            queue.append(staged)
        return staged

    def _from_command(self, event: Event, command: commands.Command) -> Staged | None:
        found: list[str] = []
        direct: list[str] = []  # the arguments that are watched or staged
        for path in command.operands:
            if commands.under(path, self._watched):
                found.append(path)
                direct.append(path)
            elif self.referenced(event.account, (path,), event.ts):
                direct.append(path)
                # Encrypting or splitting an earlier archive: it carries that archive's sources.
                found.extend(
                    p for staged in self.referenced(event.account, (path,), event.ts) for p in staged.inputs
                )
        inputs = tuple(dict.fromkeys(found))
        if not inputs:
            return None
        outputs = _outputs(command, self._rules)
        if command.program in _IN_PLACE:
            outputs = (*outputs, *direct)  # x.gpg, x.gz: prefixed by the file itself
        if command.program == "split":
            outputs = (_split_prefix(command),)
        return Staged(
            account=event.account,
            ts=event.ts,
            outputs=outputs or (STDOUT,),
            inputs=inputs,
            how=command.line,
            split=command.program == "split",
        )

    def recent(self, account: str, now: datetime) -> tuple[Staged, ...]:
        queue = self._by_account.get(account)
        if not queue:
            return ()
        while queue and (now - queue[0].ts > self._ttl):
            queue.popleft()
        return tuple(s for s in queue if STDOUT not in s.outputs or now - s.ts <= self._pipe)

    def referenced(self, account: str, paths: tuple[str, ...], now: datetime) -> tuple[Staged, ...]:
        """Staged records whose outputs any of `paths` names (split chunks by prefix)."""
        found = []
        for staged in self.recent(account, now):
            for output in staged.outputs:
                if output == STDOUT:
                    continue
                if any(p == output or p.startswith(output) for p in paths):
                    found.append(staged)
                    break
        return tuple(found)

    def remove(self, staged: Staged) -> None:
        queue = self._by_account.get(staged.account)
        if queue is not None and staged in queue:
            queue.remove(staged)


def _outputs(command: commands.Command, rules: ActivityRules) -> tuple[str, ...]:
    argv, found = command.argv, []
    tar = command.program in ("tar", "bsdtar")
    for index, token in enumerate(argv[1:], start=1):
        takes_file = token in _OUTPUT_OPTIONS or (
            tar and not token.startswith("--") and token.lstrip("-").endswith("f")
        )
        if takes_file and index + 1 < len(argv):
            value = argv[index + 1]
            found.append(
                STDOUT if value == STDOUT else os.path.normpath(os.path.join(command.cwd or "/", value))
            )
        elif token.startswith(("--file=", "--output=", "-out=")):
            found.append(os.path.normpath(os.path.join(command.cwd or "/", token.split("=", 1)[1])))
    found.extend(p for p in command.operands if rules.is_archive(p))
    if command.program == "zip" and STDOUT in argv[1:]:
        found.append(STDOUT)
    return tuple(dict.fromkeys(found))


def _split_prefix(command: commands.Command) -> str:
    positional = [a for a in command.argv[1:] if not a.startswith("-")]
    # split [options] FILE [PREFIX]: option values (-b 5000) are positional-looking; the
    # prefix is the last token when at least two non-option tokens follow the options.
    last = command.argv[-1]
    if len(positional) >= 2 and not last.startswith("-") and not last.isdigit():
        return os.path.normpath(os.path.join(command.cwd or "/", last))
    return os.path.join(command.cwd or "/", "x")
