"""Rollups summed in the database (account_hours, host_spans), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from sentinel.store import AccountHour, HostSpan, Store, open_store
from tests.store import factories as f

HOUR = timedelta(hours=1)
H0 = f.T0.replace(minute=0, second=0, microsecond=0)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def _week(store: Store) -> None:
    store.add_events(
        [f.event(i, path=f"/p/{i}") for i in range(5)]  # ada reads on ws-17
        + [f.event(i, action="write", host="ws-18") for i in range(3)]  # ada writes on another host
        + [f.event(0, kind="coverage", action="heartbeat", path="")]  # the agent is alive
        + [f.event(i, ts=f.T0 + HOUR, account="bob", host="ws-9") for i in range(2)]
        + [f.event(0, ts=f.T0 + 3 * HOUR, kind="coverage", action="heartbeat", path="")]
    )


def test_account_hours_sum_over_hosts_kinds_and_actions(store: Store) -> None:
    _week(store)
    assert store.account_hours(since=f.T0) == [
        AccountHour(hour=H0, account="ada", count=9),
        AccountHour(hour=H0 + HOUR, account="bob", count=2),
        AccountHour(hour=H0 + 3 * HOUR, account="ada", count=1),
    ]
    # Heartbeats are not activity; the range is half-open on hours.
    assert store.account_hours(since=f.T0, until=H0 + 2 * HOUR, exclude_kinds=("coverage",)) == [
        AccountHour(hour=H0, account="ada", count=8),
        AccountHour(hour=H0 + HOUR, account="bob", count=2),
    ]


def test_host_spans_say_when_each_host_was_first_and_last_seen(store: Store) -> None:
    _week(store)
    assert store.host_spans(since=f.T0) == [
        HostSpan(host="ws-17", account="ada", first=H0, last=H0 + 3 * HOUR, count=7),
        HostSpan(host="ws-18", account="ada", first=H0, last=H0, count=3),
        HostSpan(host="ws-9", account="bob", first=H0 + HOUR, last=H0 + HOUR, count=2),
    ]
    assert store.host_spans(since=f.T0 + 4 * HOUR) == []
