"""YAML loading that remembers where each key was, so errors name file, line and key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sentinel.errors import ConfigError

# libyaml's loader is ~50x faster than the pure-Python one (rules/checks.yaml is read on every scan).
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed YAML document plus the line of every key path in it."""

    path: Path
    data: Any
    lines: Mapping[tuple[str | int, ...], int] = field(default_factory=dict)

    def error(self, keys: tuple[str | int, ...], problem: str) -> ConfigError:
        """A ConfigError that says `file:line: key.path: problem`."""
        line = self.line_of(keys)
        dotted = ".".join(str(k) for k in keys) or "(top level)"
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {dotted}: {problem}")

    def line_of(self, keys: tuple[str | int, ...]) -> int | None:
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return None


def load(path: Path) -> Located:
    """Read and parse a YAML file.

    Raises:
        ConfigError: the file is missing, unreadable or not valid YAML.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)  # a safe loader: plain data only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from exc
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _index(node, (), lines)
    return Located(path=path, data=data, lines=lines)


def _index(node: yaml.Node, prefix: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]) -> None:
    out.setdefault(prefix, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, str(key_node.value))
            out[key] = key_node.start_mark.line + 1
            _index(value_node, key, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*prefix, index), out)
