"""bulk-read seeded from stored reads: a restart keeps the baseline and the open window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sentinel.detectors.activity import ActivityRules
from sentinel.detectors.base import Context, Seeded
from sentinel.detectors.bulk_read import BulkRead
from sentinel.identities import Directory
from sentinel.model import Account, Alert, Event

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
RULES = ActivityRules(
    thresholds={"bulk-read": {"window_seconds": 60, "floor": 10, "k": 3, "min_history": 3}},
    accounts={"slow": {"bulk-read": {"window_seconds": 600}}},
)


def _reads(account: str, start: datetime, count: int, prefix: str, spread: float = 30.0) -> list[Event]:
    return [
        Event(
            ts=start + timedelta(seconds=spread * i / count),
            host="h",
            account=account,
            kind="file",
            action="read",
            path=f"/data/{prefix}/f{i}",
            bytes=10,
        )
        for i in range(count)
    ]


def _history(account: str = "alice", per_window: int = 20, windows: int = 6) -> list[Event]:
    """`windows` past minutes (tumbling windows of 60 s) of `per_window` distinct reads each."""
    events: list[Event] = []
    for w in range(windows):
        start = NOW - timedelta(minutes=windows + 1 - w)
        events += _reads(account, start, per_window, f"old{w}")
    return events


def _detector() -> BulkRead:
    directory = Directory.of([Account(id="alice"), Account(id="slow")])
    return BulkRead(Context(rules=RULES, directory=directory))


def _feed(detector: BulkRead, events: list[Event]) -> list[Alert]:
    alerts: list[Alert] = []
    for event in events:
        alerts.extend(detector.feed(event, event.ts))
    return alerts


def test_bulk_read_is_seeded_and_looks_back_far_enough_for_every_account() -> None:
    detector = _detector()
    assert isinstance(detector, Seeded)
    # The longest window (an account override) times the history kept, plus the open window.
    assert detector.lookback() == timedelta(seconds=600 * 49)


def test_without_seeding_a_restart_resets_the_baseline_to_the_floor() -> None:
    burst = _reads("alice", NOW, 30, "burst")
    assert len(_feed(_detector(), burst)) == 1  # 30 > floor 10: the reset is what seeding fixes


def test_seeded_baseline_survives_a_restart() -> None:
    detector = _detector()
    assert detector.seed(_history(), NOW) == 120
    assert _feed(detector, _reads("alice", NOW, 30, "burst")) == []  # baseline 20: threshold 60
    (alert,) = _feed(detector, _reads("alice", NOW + timedelta(seconds=31), 40, "more", spread=20))
    assert "3 x baseline 20" in " ".join(alert.evidence)


def test_the_seed_continues_the_open_window() -> None:
    # Reads just before the restart, under the floor; the rest after it: one burst, one alert.
    detector = _detector()
    detector.seed(_reads("alice", NOW - timedelta(seconds=20), 8, "before", spread=10), NOW)
    (alert,) = _feed(detector, _reads("alice", NOW, 5, "after", spread=5))
    assert "distinct files: 10" in alert.evidence  # 8 before + the 2nd read after the restart


def test_a_window_already_over_its_threshold_was_alerted_before_the_restart() -> None:
    detector = _detector()
    detector.seed(_reads("alice", NOW - timedelta(seconds=20), 15, "before", spread=10), NOW)
    assert _feed(detector, _reads("alice", NOW, 3, "after", spread=3)) == []


def test_seed_ignores_other_events_and_old_windows_expire() -> None:
    detector = _detector()
    ts = NOW - timedelta(seconds=5)
    writes = [Event(ts=ts, host="h", account="alice", kind="file", action="write", path="/w")]
    old = _reads("alice", NOW - timedelta(hours=1), 15, "old", spread=10)
    assert detector.seed([*old, *writes], NOW) == 15
    # The hour-old window is history (one window: too little for a baseline), not the open window.
    assert len(_feed(detector, _reads("alice", NOW, 9, "now", spread=5))) == 0
    assert len(_feed(detector, _reads("alice", NOW + timedelta(seconds=6), 2, "now2", spread=1))) == 1
