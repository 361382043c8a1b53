"""Inline SVG charts: no scripts, no fonts or images fetched, every label escaped.

Each function returns one `<svg>` element as text, sized in pixels, with a
`<title>` so screen readers and hover show what it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, timedelta
from html import escape

from sentinel.model import Severity
from sentinel.repo.provenance.zones import format_offset
from sentinel.reporting.digest.model import DailyActivity, Offsets, Period, TimelineItem

SEVERITY_COLOURS = {
    Severity.CRITICAL: "#b91c1c",
    Severity.HIGH: "#ea580c",
    Severity.MEDIUM: "#ca8a04",
    Severity.LOW: "#2563eb",
    Severity.INFO: "#6b7280",
}
_FONT = 'font-family="Helvetica, Arial, sans-serif"'
_GRID = "#e5e7eb"
_INK = "#374151"


def _svg(width: int, height: int, title: str, body: Sequence[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" {_FONT} font-size="11">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = _INK, size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" font-size="{size}">'
        f"{escape(text)}</text>"
    )


def activity(data: DailyActivity, *, account: str) -> str:
    """Bars: events per day; band: the account's usual day (median to 90th percentile)."""
    width, height, left, bottom, top = 340, 130, 44, 22, 10
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max([c for _, c in data.days] + [data.baseline_high, 1])
    scale = plot_h / peak
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="{_INK}"/>',
        _text(left - 4, top + 8, f"{peak:,.0f}", anchor="end", size=10),
        _text(left - 4, top + plot_h, "0", anchor="end", size=10),
    ]
    if data.baseline_days:
        y_high = top + plot_h - data.baseline_high * scale
        y_median = top + plot_h - data.baseline * scale
        body.append(
            f'<rect x="{left}" y="{y_high:.1f}" width="{plot_w}" height="{max(y_median - y_high, 1):.1f}" '
            'fill="#dbeafe"><title>usual day: median to 90th percentile</title></rect>'
        )
        body.append(
            f'<line x1="{left}" y1="{y_median:.1f}" x2="{width - 8}" y2="{y_median:.1f}" '
            'stroke="#2563eb" stroke-dasharray="4 3"/>'
        )
        body.append(
            _text(width - 10, max(y_high - 3, top + 8), f"usual {data.baseline:,.0f}/day", anchor="end",
                  fill="#2563eb", size=10)
        )  # fmt: skip
    slot = plot_w / max(len(data.days), 1)
    for n, (day, count) in enumerate(data.days):
        x = left + n * slot + slot * 0.15
        h = count * scale
        unusual = data.baseline_days and count > max(data.baseline_high, data.baseline * 2) and count > 0
        colour = "#dc2626" if unusual else "#6b7280"
        body.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
            f'fill="{colour}"><title>{escape(f"{day:%a %d %b}: {count:,} events")}</title></rect>'
        )
        body.append(_text(x + slot * 0.35, height - 8, f"{day:%a %d}", anchor="middle", size=10))
    title = f"{account}: endpoint events per day against the usual day"
    if not data.baseline_days:
        title += " (no baseline yet)"
    return _svg(width, height, title, body)


def offsets(data: Offsets, *, account: str) -> str:
    """Commits per UTC offset (-12..+14 h); the declared zone's offsets shaded green."""
    width, height, left, bottom, top = 340, 110, 8, 30, 14
    plot_w, plot_h = width - 2 * left, height - bottom - top
    lo, hi = -12 * 60, 14 * 60

    def x_of(minutes: int) -> float:
        return left + (minutes - lo) / (hi - lo) * plot_w

    peak = max([c for _, c in data.seen] + [1])
    axis = top + plot_h
    body = [f'<line x1="{left}" y1="{axis}" x2="{width - left}" y2="{axis}" stroke="{_INK}"/>']
    for minutes in data.declared:
        body.append(
            f'<rect x="{x_of(minutes) - 7:.1f}" y="{top}" width="14" height="{plot_h}" fill="#bbf7d0">'
            f"<title>{escape(f'declared {data.timezone}: UTC{_fmt(minutes)}')}</title></rect>"
        )
    for hour in range(-12, 15, 3):
        label = f"{hour:+d}" if hour else "0"
        body.append(_text(x_of(hour * 60), height - 16, label, anchor="middle", size=10))
    declared = set(data.declared)
    for minutes, count in data.seen:
        h = count / peak * (plot_h - 12)
        colour = "#16a34a" if minutes in declared or not declared else "#dc2626"
        body.append(
            f'<rect x="{x_of(minutes) - 4:.1f}" y="{top + plot_h - h:.1f}" width="8" height="{h:.1f}" '
            f'fill="{colour}"><title>{escape(f"UTC{_fmt(minutes)}: {count} commits")}</title></rect>'
        )
        body.append(_text(x_of(minutes), top + plot_h - h - 3, str(count), anchor="middle", size=10))
    body.append(_text(width / 2, height - 3, "UTC offset of commits (hours)", anchor="middle", size=10))
    title = f"{account}: commit UTC offsets against declared {data.timezone or 'zone'}"
    return _svg(width, height, title, body)


def _fmt(minutes: int) -> str:
    return format_offset(timedelta(minutes=minutes))


def timeline(items: Sequence[TimelineItem], accounts: Sequence[str], period: Period) -> str:
    """One row per account, one mark per alert or finding, linked to its evidence."""
    rows = [a for a in accounts if any(i.account == a for i in items)]
    width, left, row_h, top = 900, 200, 22, 22
    height = top + row_h * max(len(rows), 1) + 10
    # Real seconds: a week across a daylight-saving change is 167 or 169 hours long.
    start = period.start.astimezone(UTC)
    span = (period.end.astimezone(UTC) - start).total_seconds() or 1.0
    plot_w = width - left - 10

    def x_of(item: TimelineItem) -> float:
        return left + (item.ts - start).total_seconds() / span * plot_w

    body = []
    days = int(span // 86400)
    for n in range(days + 1):
        x = left + n * 86400 / span * plot_w
        body.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 8}" stroke="{_GRID}"/>')
        if n < days:
            label = f"{period.start + timedelta(days=n):%a %d %b}"
            body.append(_text(x + 86400 / span * plot_w / 2, 12, label, anchor="middle", size=10))
    for row, account in enumerate(rows):
        y = top + row * row_h + row_h / 2
        short = account if len(account) <= 30 else account[:29] + "…"
        body.append(_text(left - 8, y + 4, short, anchor="end"))
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="{_GRID}"/>')
        for item in (i for i in items if i.account == account):
            colour = SEVERITY_COLOURS[item.severity]
            times = f" ×{item.count}" if item.count > 1 else ""
            tip = escape(
                f"{item.ts:%a %d %b %H:%M} UTC: {item.severity.value} {item.kind} {item.label}{times}"
            )
            if item.kind == "finding":
                x = x_of(item)
                shape = (
                    f'<path d="M{x:.1f} {y - 6:.1f} L{x + 6:.1f} {y:.1f} L{x:.1f} {y + 6:.1f} '
                    f'L{x - 6:.1f} {y:.1f} Z" fill="{colour}" stroke="#fff"><title>{tip}</title></path>'
                )
            else:
                shape = (
                    f'<circle cx="{x_of(item):.1f}" cy="{y:.1f}" r="6" fill="{colour}" stroke="#fff">'
                    f"<title>{tip}</title></circle>"
                )
            if item.evidence:
                shape = f'<a href="#e{escape(item.evidence)}">{shape}</a>'
            body.append(shape)
    if not rows:
        body.append(_text(width / 2, top + 12, "no alerts or findings this period", anchor="middle"))
    return _svg(width, height, "alerts (circles) and findings (diamonds) this period", body)
