"""Events <-> JSON objects, for the spill file and golden cases.

The store has its own codec; this one is for JSON lines the agent writes
when the store refuses a batch at shutdown, and reads back on the next start.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sentinel.model import Event


def to_dict(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {"ts": event.ts.isoformat()}
    for name in Event.__dataclass_fields__:
        value = getattr(event, name)
        if name == "ts" or value in ("", (), None, 0):
            continue
        data[name] = list(value) if isinstance(value, tuple) else value
    return data


def from_dict(data: Mapping[str, Any]) -> Event:
    """Raises ValueError/KeyError/TypeError for a malformed object."""
    values = dict(data)
    ts = datetime.fromisoformat(values.pop("ts"))
    if ts.tzinfo is None:
        raise ValueError(f"naive timestamp {ts.isoformat()}")
    if "argv" in values:
        values["argv"] = tuple(values["argv"])
    return Event(ts=ts, **values)


def write_lines(path: Path, events: Iterable[Event]) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        for event in events:
            handle.write(json.dumps(to_dict(event), sort_keys=True) + "\n")
        handle.flush()


def read_lines(path: Path) -> Iterator[Event]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield from_dict(json.loads(line))
