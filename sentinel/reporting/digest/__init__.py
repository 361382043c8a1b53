"""The weekly digest: what the security team reads on Monday morning.

collect (Store -> rows) -> build (scoring, evidence, chart data -> Digest) ->
render_html / render_md / render_json (Digest -> text) -> mail (optional).
"""

from __future__ import annotations

from datetime import datetime

from sentinel.config import DigestConfig
from sentinel.identities import Directory
from sentinel.reporting.digest import period as periods
from sentinel.reporting.digest.build import build
from sentinel.reporting.digest.collect import collect
from sentinel.reporting.digest.model import Digest, Period
from sentinel.store import Store


def make_digest(
    store: Store, *, directory: Directory, settings: DigestConfig, period: Period, now: datetime
) -> Digest:
    collected = collect(store, period=period, settings=settings, tz=periods.zone(settings.timezone))
    return build(collected, directory=directory, settings=settings, period=period, now=now)


__all__ = ["Digest", "Period", "make_digest"]
