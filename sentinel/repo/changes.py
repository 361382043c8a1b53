"""What a scan looks at: the post-image of each changed file and its added lines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangedFile:
    """A file's new content and which of its lines are new in the scanned range."""

    path: str  # repo-relative, '/'-separated; non-UTF-8 bytes kept via surrogateescape
    content: bytes
    added: frozenset[int]  # 1-based line numbers added in the range
    is_binary: bool = False
    old_path: str | None = None  # set for renames and copies
    status: str = "M"  # A added, M modified, R renamed, C copied, T type change
    # Decoded once on first use: snippets, suppressions and several checks all read the lines.
    _lines: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def touches(self, start: int, end: int | None = None) -> bool:
        """True when any line in [start, end] was added."""
        return any(n in self.added for n in range(start, (end or start) + 1))

    def lines(self) -> tuple[str, ...]:
        """The content as text lines; undecodable bytes are replaced, never fatal."""
        if self._lines is None:
            # Frozen, but this cache is derived from `content` and never compared.
            object.__setattr__(self, "_lines", tuple(self.content.decode("utf-8", "replace").splitlines()))
        assert self._lines is not None
        return self._lines


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    path: str
    reason: str  # too-large, submodule, excluded, deleted-symlink-target ...
