"""The score formula on hand-made signals: decay, caps, role weights, lookback, ranking."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from sentinel.config import DigestConfig
from sentinel.model import Role, Severity
from sentinel.reporting.digest.scoring import Signal, ranked, score

AT = datetime(2026, 11, 23, tzinfo=UTC)
SETTINGS = DigestConfig()


def signal(account: str = "ada", name: str = "rule-a", *, days_ago: float = 0.0, **changes: object) -> Signal:
    fields: dict[str, object] = {
        "account": account, "signal": name, "source": "code", "severity": Severity.HIGH,
        "ts": AT - timedelta(days=days_ago), "evidence": f"{account}-{name}-{days_ago}",
    }  # fmt: skip
    fields.update(changes)
    return Signal(**fields)  # type: ignore[arg-type]


def test_points_halve_every_half_life() -> None:
    scores = score(
        [signal(days_ago=0), signal("bob", days_ago=7), signal("carol", days_ago=14)],
        roles={}, settings=dataclasses.replace(SETTINGS, role_weights=SETTINGS.role_weights), at=AT,
    )  # fmt: skip
    assert scores["ada"].subtotal == pytest.approx(8.0)
    assert scores["bob"].subtotal == pytest.approx(4.0)
    assert scores["carol"].subtotal == pytest.approx(2.0)
    (contribution,) = scores["bob"].lines[0].contributions
    assert (contribution.base, contribution.decay) == (8.0, pytest.approx(0.5))


def test_one_noisy_signal_is_capped_but_independent_signals_add_up() -> None:
    noisy = [signal(name="noisy", evidence=f"n{i}", severity=Severity.MEDIUM) for i in range(40)]
    scores = score([*noisy, signal(name="other")], roles={"ada": Role.EMPLOYEE}, settings=SETTINGS, at=AT)
    lines = {line.signal: line for line in scores["ada"].lines}
    assert lines["noisy"].raw == pytest.approx(120.0)
    # 40 mediums of one rule: at most repeat_cap (3) mediums, less than one other high + 1.
    assert lines["noisy"].points == pytest.approx(3 * 3.0) and lines["noisy"].capped
    assert lines["other"].points == pytest.approx(8.0) and not lines["other"].capped
    assert scores["ada"].total == pytest.approx(9.0 + 8.0)
    # Without the repeat cap the absolute cap holds; a per-signal cap overrides it.
    loose = dataclasses.replace(SETTINGS, repeat_cap=100.0)
    assert score(noisy, roles={}, settings=loose, at=AT)["ada"].lines[0].points == SETTINGS.signal_cap
    custom = dataclasses.replace(loose, caps={"noisy": 5.0})
    assert score(noisy, roles={}, settings=custom, at=AT)["ada"].lines[0].points == 5.0


def test_role_weight_multiplies_the_whole_score_and_is_explained() -> None:
    items = [signal(a) for a in ("emp", "con", "unk")]
    roles = {"emp": Role.EMPLOYEE, "con": Role.CONTRACTOR}
    scores = score(items, roles=roles, settings=SETTINGS, at=AT)
    assert [scores[a].total for a in ("emp", "con", "unk")] == [8.0, 12.0, 16.0]
    assert scores["con"].explain() == "contractor weight 1.5 × (rule-a 8.0) = 12.0"
    assert [s.account for s in ranked(scores)] == ["unk", "con", "emp"]


def test_ties_rank_unknown_then_contractors_then_employees() -> None:
    items = [signal(a, severity=Severity.LOW) for a in ("b-emp", "a-emp", "con")]
    equal = dataclasses.replace(
        SETTINGS, role_weights=dataclasses.replace(SETTINGS.role_weights, contractor=1.0)
    )
    roles = {"b-emp": Role.EMPLOYEE, "a-emp": Role.EMPLOYEE, "con": Role.CONTRACTOR}
    order = [s.account for s in ranked(score(items, roles=roles, settings=equal, at=AT))]
    assert order == ["con", "a-emp", "b-emp"]


def test_lookback_and_future_signals_do_not_count() -> None:
    items = [signal(days_ago=SETTINGS.lookback_days + 1), signal("bob", days_ago=-1)]
    assert score(items, roles={}, settings=SETTINGS, at=AT) == {}


def test_fixed_points_and_severity_points_are_configurable() -> None:
    settings = dataclasses.replace(SETTINGS, points=dataclasses.replace(SETTINGS.points, high=2.0))
    scores = score(
        [signal(), signal("bob", "silent-agent", points=8.0, source="coverage")],
        roles={"ada": Role.EMPLOYEE, "bob": Role.EMPLOYEE}, settings=settings, at=AT,
    )  # fmt: skip
    assert scores["ada"].total == 2.0
    assert scores["bob"].total == 8.0


def test_every_point_is_accounted_for() -> None:
    items = [signal(name=f"r{i % 3}", evidence=f"e{i}", days_ago=i / 2) for i in range(20)]
    s = score(items, roles={"ada": Role.CONTRACTOR}, settings=SETTINGS, at=AT)["ada"]
    assert sum(len(line.contributions) for line in s.lines) == 20
    for line in s.lines:
        assert line.raw == pytest.approx(sum(c.points for c in line.contributions))
        assert line.points == pytest.approx(min(line.raw, line.cap))
    assert s.total == pytest.approx(1.5 * sum(line.points for line in s.lines))
