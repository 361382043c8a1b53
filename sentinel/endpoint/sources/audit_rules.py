"""The audit source's own kernel rules: added with `auditctl` at start, deleted at stop.

Kept apart from the reader (audit.py) because it is the part that changes the
machine's configuration and must undo it. Each agent keys its rules
`sentinel-<pid>-file|exec|net`, so two agents or an admin's own rules are
never touched; on start, rules left by an agent that died (its pid gone) are
removed first. The agent's own pid and its children (git polling) are
excluded in the rules. audit is enabled if it was off, and its enabled flag
restored on stop.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

_KEY_RE = re.compile(r"key=\"?sentinel-(\d+)-(\w+)\"?")


def status() -> dict[str, str]:
    """`auditctl -s` as a dict (enabled, lost, ...)."""
    done = subprocess.run(["auditctl", "-s"], capture_output=True, text=True, timeout=10)
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def lost() -> int:
    """The kernel's audit lost counter."""
    return int(status().get("lost", "0") or 0)


def auditctl(*args: str) -> None:
    done = subprocess.run(["auditctl", *args], capture_output=True, text=True, timeout=10)
    if done.returncode != 0:
        raise OSError(f"auditctl {' '.join(args)}: {done.stderr.strip()}")


class AuditRules:
    """This agent's rules: file access in the watched trees, every execve and connect."""

    def __init__(self, *, watch: tuple[str, ...], state_path: Path | None = None) -> None:
        self._watch = watch
        # audit's enabled flag as found before any agent touched it; kept on disk so
        # the run after a kill -9 still restores the admin's setting at its stop.
        self._state_path = state_path
        self.prefix = f"sentinel-{os.getpid()}-"
        self._keys = tuple(self.prefix + k for k in ("file", "exec", "net"))
        self._was_enabled = "1"

    def prepare(self) -> int:
        """Remove a dead agent's rules and note audit's enabled flag; returns the lost counter."""
        self._remove_stale_rules()
        found = status()
        self._was_enabled = found.get("enabled", "1").strip()
        if self._state_path is not None:
            try:
                self._was_enabled = self._state_path.read_text().strip() or self._was_enabled
            except FileNotFoundError:
                self._state_path.write_text(self._was_enabled)
        return int(found.get("lost", "0") or 0)

    def install(self) -> None:
        """Enable audit if it was off and add the rules.

        Raises:
            OSError: auditctl refused one; the caller removes the rules already added.
        """
        me = str(os.getpid())
        if self._was_enabled == "0":
            auditctl("-e", "1")
        for tree in self._watch:
            auditctl("-a", "always,exit", "-F", f"dir={tree}", "-F", "perm=rwa",
                     "-F", f"pid!={me}", "-F", f"ppid!={me}", "-k", self._keys[0])  # fmt: skip
        for arch in ("b64", "b32"):
            auditctl("-a", "always,exit", "-F", f"arch={arch}", "-S", "execve",
                     "-F", f"pid!={me}", "-F", f"ppid!={me}", "-k", self._keys[1])  # fmt: skip
            # Not success=1: a non-blocking connect (curl, browsers) returns EINPROGRESS.
            auditctl("-a", "always,exit", "-F", f"arch={arch}", "-S", "connect", "-F", "exit!=-111",
                     "-F", f"pid!={me}", "-F", f"ppid!={me}", "-k", self._keys[2])  # fmt: skip

    def remove(self) -> None:
        """Delete this agent's rules and restore audit's enabled flag; failures are logged."""
        for key in self._keys:
            try:
                auditctl("-D", "-k", key)
            except OSError as exc:
                log.error("could not remove audit rules %s: %s", key, exc)
        if self._was_enabled == "0":
            try:
                auditctl("-e", "0")
            except OSError as exc:
                log.error("could not restore audit's enabled flag: %s", exc)
        if self._state_path is not None:
            self._state_path.unlink(missing_ok=True)

    def _remove_stale_rules(self) -> None:
        done = subprocess.run(["auditctl", "-l"], capture_output=True, text=True, timeout=10)
        stale = set()
        for match in _KEY_RE.finditer(done.stdout):
            pid = int(match.group(1))
            if pid != os.getpid() and not os.path.exists(f"/proc/{pid}"):
                stale.add(f"sentinel-{pid}-{match.group(2)}")
        for key in sorted(stale):
            log.warning("removing audit rules left by a dead agent: %s", key)
            auditctl("-D", "-k", key)
