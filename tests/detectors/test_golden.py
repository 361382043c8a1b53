"""Golden cases: tests/data/detectors/<id>/<case>.events.jsonl -> <case>.expected.json.

Each case feeds its events, in order, to a fresh instance of the detector
named by its folder (time = each event's own timestamp), the events it
`consumes` only, as the agent's writer does, then ticks an hour
later, and compares the alerts' detector, account, severity and ATT&CK id
with the expected list, in order. `evidence_contains` checks one evidence line.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from sentinel import identities
from sentinel.config import WeightsConfig
from sentinel.detectors import DETECTORS, activity
from sentinel.detectors.base import Context, Detector, consumes
from sentinel.endpoint import eventio
from sentinel.model import Alert, Event

DATA = Path(__file__).resolve().parents[1] / "data" / "detectors"
CASES = sorted(DATA.glob("*/*.events.jsonl"))


def _context() -> Context:
    return Context(
        rules=activity.load(DATA / "activity.yaml"),
        directory=identities.load(DATA / "identities.yaml"),
        weights=WeightsConfig(employee=0, contractor=1, unknown=1),
        watched=("/src", "/data"),
    )


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_golden(case: Path) -> None:
    detector = DETECTORS[case.parent.name](_context())
    events = list(eventio.read_lines(case))
    alerts = _run(detector, [e for e in events if consumes(detector, e.kind, e.action)])
    expected = json.loads(case.with_name(case.name.replace(".events.jsonl", ".expected.json")).read_text())
    got = [
        {"detector": a.detector, "account": a.account, "severity": str(a.severity), "attack": a.attack}
        for a in alerts
    ]
    assert got == [{k: v for k, v in e.items() if k != "evidence_contains"} for e in expected]
    for alert, want in zip(alerts, expected, strict=True):
        if "evidence_contains" in want:
            assert any(want["evidence_contains"] in line for line in alert.evidence), alert.evidence
        assert alert.window_start <= alert.window_end
        assert alert.message


def _run(detector: Detector, events: list[Event]) -> list[Alert]:
    alerts: list[Alert] = []
    for event in events:
        alerts.extend(detector.feed(event, event.ts))
    if events:
        alerts.extend(detector.tick(events[-1].ts + timedelta(hours=1)))
    return alerts


@pytest.mark.parametrize("detector_id", sorted(DETECTORS))
def test_a_detector_misses_nothing_it_does_not_consume(detector_id: str) -> None:
    """Every detector against every golden case: fed only what it `consumes`, or fed
    everything, it raises the same alerts (so `consumes` is never too narrow)."""

    def alerts(events: list[Event]) -> list[tuple[str, tuple[str, ...]]]:
        return [(a.message, a.evidence) for a in _run(DETECTORS[detector_id](_context()), events)]

    probe = DETECTORS[detector_id](_context())
    raised = 0
    for case in CASES:
        events = list(eventio.read_lines(case))
        everything = alerts(events)
        assert alerts([e for e in events if consumes(probe, e.kind, e.action)]) == everything, case
        raised += len(everything)
    assert raised, f"{detector_id}: no golden case raises anything: the comparison proves nothing"


def test_every_detector_has_an_alerting_and_a_quiet_case() -> None:
    for detector_id in DETECTORS:
        expected = [json.loads(p.read_text()) for p in (DATA / detector_id).glob("*.expected.json")]
        assert any(expected), f"{detector_id}: no golden case that raises an alert"
        assert any(not e for e in expected), f"{detector_id}: no golden case that stays quiet"
