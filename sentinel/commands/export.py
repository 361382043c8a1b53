"""`sentinel export`: the store as ECS NDJSON, for Filebeat, Vector or an OTel collector.

Events stream from the store a page at a time, so exporting a week of a busy
host does not hold it in memory. With --output the file is written under a
temporary name and renamed, so a shipper tailing the directory never reads
half a file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sentinel import output
from sentinel.commands.alerts import store_url
from sentinel.commands.common import load_config, parse_duration
from sentinel.errors import SentinelError
from sentinel.reporting import ecs
from sentinel.store import Store, open_store

log = logging.getLogger(__name__)

RECORDS = ("events", "alerts", "findings", "coverage")
_CHUNK = 2000


def parse_since(text: str, now: datetime) -> datetime:
    """A duration back from `now` (7d, 12h) or an ISO date/time (UTC when no zone is given)."""
    try:
        return now - parse_duration(text)
    except SentinelError:
        pass
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise SentinelError(f"--since: not a duration or date: {text!r} (e.g. 7d, 12h, 2026-03-01)") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def documents(store: Store, *, since: datetime, include: Iterable[str]) -> Iterator[dict[str, Any]]:
    wanted = set(include)
    if "events" in wanted:
        yield from map(ecs.event_doc, store.events(since=since))
    if "alerts" in wanted:
        yield from map(ecs.alert_doc, store.alerts(since=since))
    if "findings" in wanted:
        yield from map(ecs.finding_doc, store.findings(since=since))
    if "coverage" in wanted:
        yield from map(ecs.coverage_doc, store.coverage(since=since))


def _write_lines(docs: Iterable[dict[str, Any]], sink: TextIO | None) -> int:
    count = 0
    chunk: list[str] = []
    for doc in docs:
        chunk.append(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
        count += 1
        if len(chunk) >= _CHUNK:
            _flush(chunk, sink)
    _flush(chunk, sink)
    return count


def _flush(chunk: list[str], sink: TextIO | None) -> None:
    if not chunk:
        return
    text = "\n".join(chunk) + "\n"
    if sink is None:
        output.write(text)
    else:
        sink.write(text)
    chunk.clear()


def run(
    *,
    since: str,
    fmt: str,
    include: str,
    config_path: Path | None,
    store: str | None,
    output_path: Path | None,
) -> int:
    if fmt != "ecs":
        raise SentinelError(f"unknown export format {fmt!r} (ecs)")
    kinds = tuple(k.strip() for k in include.split(",") if k.strip())
    unknown = sorted(set(kinds) - set(RECORDS))
    if unknown:
        raise SentinelError(f"--include: unknown record type(s) {', '.join(unknown)} ({', '.join(RECORDS)})")
    config = load_config(config_path)
    start = parse_since(since, datetime.now(UTC))
    handle = open_store(store_url(config, store), migrate=False)
    try:
        docs = documents(handle, since=start, include=kinds)
        count = _write_lines(docs, None) if output_path is None else _export_to_file(docs, output_path)
    finally:
        handle.close()
    log.info("exported %d ECS documents since %s", count, start.isoformat())
    return 0


def _export_to_file(docs: Iterable[dict[str, Any]], path: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SentinelError(f"{path}: cannot write output: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as sink:
            count = _write_lines(docs, sink)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count
