"""`sentinel digest`: the weekly report, to stdout, a file, or by email."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from sentinel import output
from sentinel.commands.alerts import store_url
from sentinel.commands.common import load_config, load_directory, parse_duration
from sentinel.errors import SentinelError
from sentinel.reporting.digest import mail, make_digest, render_html, render_json, render_md
from sentinel.reporting.digest import period as periods
from sentinel.reporting.digest.model import Digest, Period
from sentinel.store import open_store

log = logging.getLogger(__name__)

RENDERERS = {"html": render_html.render, "md": render_md.render, "json": render_json.render}


def run(
    *,
    store: str | None,
    since: str | None,
    week: str | None,
    fmt: str,
    output_path: Path | None,
    email: Sequence[str] | None,
    smtp: str | None,
    config_path: Path | None,
    identities_path: Path | None,
    now: datetime | None = None,
) -> int:
    if email and not smtp:
        raise SentinelError("--email needs --smtp URL (e.g. smtp://127.0.0.1:1025)")
    if smtp:
        mail.parse_url(smtp)  # a bad URL fails before the store is read
    config = load_config(config_path)
    directory = load_directory(identities_path, config)
    settings = config.digest
    now = now or datetime.now(UTC)
    period = _period(since, week, settings.timezone, now)
    handle = open_store(store_url(config, store), migrate=False)
    try:
        digest = make_digest(handle, directory=directory, settings=settings, period=period, now=now)
    finally:
        handle.close()
    text = RENDERERS[fmt](digest)
    if output_path is not None or not email:
        output.write(text, output_path)
    if email:
        assert smtp is not None
        _send(digest, email, smtp, sender=settings.from_address, subject=settings.subject)
    return 0


def _period(since: str | None, week: str | None, zone_name: str, now: datetime) -> Period:
    tz = periods.zone(zone_name)
    if week:
        return periods.iso_week(week, tz)
    if since:
        return periods.last(parse_duration(since), now)
    return periods.last_complete_week(now, tz)


def _send(digest: Digest, to: Sequence[str], smtp: str, *, sender: str, subject: str) -> None:
    recipients = [a.strip() for item in to for a in item.split(",") if a.strip()]
    name = f"sentinel-digest-{digest.period.label.replace(' ', '_').replace(':', '')}"
    full = render_html.render(digest)
    msg = mail.message(
        sender=sender,
        to=recipients,
        subject=subject.replace("{period}", digest.period.label),
        text=render_md.render(digest),
        html=render_html.render_email(digest, attachment=f"{name}.html"),
        attachments=(
            (f"{name}.html", "text/html", full.encode("utf-8")),
            (f"{name}.json", "application/json", render_json.render(digest).encode("utf-8")),
        ),
    )
    mail.send(msg, smtp_url=smtp)
