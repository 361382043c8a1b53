from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sentinel.store import codec
from tests.store import factories as f


def test_micros_round_trip_across_zones_and_the_epoch() -> None:
    for ts in (
        f.T0,
        datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(2026, 6, 1, 2, 0, tzinfo=timezone(timedelta(hours=-7))),
    ):
        assert codec.from_micros(codec.micros(ts)) == ts


def test_rows_round_trip_in_both_dialects() -> None:
    for dialect in (codec.SQLITE, codec.POSTGRESQL):
        event = f.event(3)
        assert codec.event_from(dialect, codec.event_row(dialect, event)) == event
        alert = f.alert()
        assert codec.alert_from(dialect, codec.alert_row(dialect, alert, uid="u", created=f.T0)) == alert
        finding = f.finding()
        row = codec.finding_row(dialect, finding, uid="u", context_uid="c", ts=f.T0)
        assert codec.finding_from(dialect, row) == finding
        context = f.context()
        assert codec.context_from(dialect, codec.context_row(dialect, context, uid="c")) == context


def test_long_snippets_are_capped() -> None:
    import dataclasses

    huge = dataclasses.replace(f.finding(), snippet="x" * 100_000)
    row = codec.finding_row(codec.SQLITE, huge, uid="u", context_uid="c", ts=f.T0)
    assert len(codec.finding_from(codec.SQLITE, row).snippet) == codec.SNIPPET_LIMIT
    # The fingerprint is taken from the full finding, so capping does not change identity.
    assert row[-1] == huge.fingerprint
