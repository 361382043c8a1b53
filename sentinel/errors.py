"""One exception hierarchy; each class knows its exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    CRASH = 3
    INTERRUPTED = 130


class SentinelError(Exception):
    """An expected failure: reported as one clear line, exit 2."""

    exit_code = ExitCode.USAGE


class ConfigError(SentinelError):
    """A config or identity file that cannot be used as written."""


class GitError(SentinelError):
    """Not a repository, an unknown revision, or git itself failing."""


class EngineError(SentinelError):
    """Semgrep missing, crashing or rejecting a rule."""


class StoreError(SentinelError):
    """The store cannot be opened or written."""
