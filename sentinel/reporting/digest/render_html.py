"""The digest as one self-contained HTML file, and as an email body.

The file carries its CSS and inline SVG charts: no scripts, no fonts, images
or stylesheets fetched. The email body uses tables and inline styles only
(what common mail clients keep) and no SVG; the full file goes as an
attachment. Every string from the store passes through `h()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from sentinel.model import Severity
from sentinel.reporting.digest import charts
from sentinel.reporting.digest.model import AccountReport, Digest, Evidence, HeadlineItem, ScoreLine

_CSS = """
body{font-family:Helvetica,Arial,sans-serif;color:#1f2937;background:#f3f4f6;margin:0;padding:24px}
main{max-width:980px;margin:0 auto}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:16px;margin:0}
.muted{color:#6b7280;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:12px 14px;flex:1 1 140px;border:1px solid #e5e7eb}
.card .n{font-size:28px;font-weight:bold}.card .l{font-size:13px;color:#4b5563}
.up{color:#b91c1c}.down{color:#15803d}.same{color:#6b7280}
.panel{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:14px 16px;margin:12px 0;
overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{color:#4b5563;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
.badge{display:inline-block;padding:1px 7px;border-radius:9px;font-size:11px;color:#fff;font-weight:bold}
.role-contractor{background:#7c3aed}.role-unknown{background:#111827}.role-employee{background:#6b7280}
.score{font-size:24px;font-weight:bold}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin:10px 0}
.chart .cap{font-size:12px;color:#4b5563;margin-bottom:2px}
.ev{border-top:1px solid #e5e7eb;padding:8px 0}.ev:target{background:#fef9c3}
.ev .t{font-weight:600}
code,.mono{font-family:Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
ul.details{margin:4px 0 0 0;padding-left:18px}ul.details li{font-family:Menlo,Consolas,monospace;
font-size:12px;word-break:break-all;color:#374151}
.notes{background:#fffbeb;border:1px solid #fde68a}
.formula{font-family:Menlo,Consolas,monospace;font-size:12px;color:#374151}
"""


def h(value: object) -> str:
    return escape(str(value), quote=True)


def _badge(severity: Severity) -> str:
    colour = charts.SEVERITY_COLOURS[severity]
    return f'<span class="badge" style="background:{colour}">{h(severity.value.upper())}</span>'


def _change(value: float, *, digits: int = 0) -> str:
    if round(value, digits) == 0:
        return '<span class="same">no change</span>'
    arrow, css = ("▲", "up") if value > 0 else ("▼", "down")
    return f'<span class="{css}">{arrow} {abs(value):,.{digits}f}</span>'


def _headline(items: Iterable[HeadlineItem]) -> str:
    cards = "".join(
        f'<div class="card"><div class="n">{item.value:,}</div><div class="l">{h(item.label)}</div>'
        f'<div class="muted">{_change(item.change)} vs previous ({item.previous:,})</div></div>'
        for item in items
    )
    return f'<div class="cards">{cards}</div>'


def _ranking(digest: Digest) -> str:
    rows = []
    for report in digest.accounts:
        top = ", ".join(f"{line.signal} ({line.points:.1f})" for line in report.score.lines[:3])
        rows.append(
            f'<tr><td class="num">{report.rank}</td><td><a href="#a{report.rank}">{h(report.id)}</a>'
            f"{' ' + h(report.name) if report.name else ''}</td>"
            f'<td><span class="badge role-{h(report.role.value)}">{h(report.role.value)}</span></td>'
            f'<td class="num"><b>{report.score.total:.1f}</b></td>'
            f'<td class="num">{_change(report.change, digits=1)}</td><td>{h(top)}</td></tr>'
        )
    if not rows:
        return '<p class="muted">No account had a finding, alert or coverage gap in the scoring window.</p>'
    return (
        '<table><tr><th class="num">#</th><th>account</th><th>role</th><th class="num">score</th>'
        f'<th class="num">change</th><th>top signals</th></tr>{"".join(rows)}</table>'
    )


def _line_row(line: ScoreLine) -> str:
    ids = ", ".join(f'<a href="#e{h(c.evidence)}">{h(c.evidence)}</a>' for c in line.contributions[:8])
    if len(line.contributions) > 8:
        ids += f" +{len(line.contributions) - 8}"
    capped = f" (capped from {line.raw:.1f})" if line.capped else ""
    return (
        f"<tr><td><code>{h(line.signal)}</code></td><td>{h(line.source)}</td>"
        f'<td class="num">{len(line.contributions)}</td><td class="num">{line.points:.1f}{capped}</td>'
        f"<td>{ids}</td></tr>"
    )


def evidence_html(item: Evidence) -> str:
    meta = [f"<b>{h(item.when_utc)}</b>"]
    if item.when_local:
        meta.append(f"{h(item.when_local)} (declared zone)")
    if item.where:
        meta.append(f'<span class="mono">{h(item.where)}</span>')
    rows = [" · ".join(meta)]
    if item.path:
        where = f"{item.path}:{item.line}" if item.line else item.path
        rows.append(f'path <span class="mono">{h(where)}</span>')
    if item.commit is not None:
        sha = f'<span class="mono">{h(item.commit.text)}</span>'
        link = f'<a href="{h(item.commit.url)}">{sha}</a>' if item.commit.url else sha
        commit = f"commit {link} by {h(item.author)}"
        if item.commit_time_utc:
            commit += f", authored {h(item.commit_time_utc)}; {h(item.commit_time_local)}"
        rows.append(commit)
    details = "".join(f"<li>{h(d)}</li>" for d in item.details)
    return (
        f'<div class="ev" id="e{h(item.id)}"><div>{_badge(item.severity)} <span class="muted">{h(item.id)}'
        f'</span> <code>{h(item.signal)}</code> <span class="t">{h(item.title)}</span></div>'
        f'<div class="muted">{"<br>".join(rows)}</div>'
        f"{f'<ul class=details>{details}</ul>' if details else ''}</div>"
    )


def _account(report: AccountReport) -> str:
    s = report.score
    who = " · ".join(
        h(part)
        for part in (
            report.name,
            report.country,
            f"declared zone {report.timezone}" if report.timezone else "no declared zone",
        )
        if part
    )
    graphs = []
    if report.activity is not None:
        graphs.append(
            '<div class="chart"><div class="cap">daily endpoint activity (grey/red) vs usual day (blue)</div>'
            f"{charts.activity(report.activity, account=report.id)}</div>"
        )
    if report.offsets is not None:
        graphs.append(
            '<div class="chart"><div class="cap">commit UTC offsets; green band: declared zone</div>'
            f"{charts.offsets(report.offsets, account=report.id)}</div>"
        )
    chart_block = f'<div class="charts">{"".join(graphs)}</div>' if graphs else ""
    more = (
        f'<p class="muted">{report.more_evidence} more items are in the JSON digest and the store.</p>'
        if report.more_evidence
        else ""
    )
    return (
        f'<section class="panel" id="a{report.rank}"><div style="display:flex;justify-content:space-between;'
        f'gap:12px"><div><h3>{report.rank}. {h(report.id)} <span class="badge role-{h(report.role.value)}">'
        f'{h(report.role.value)}</span></h3><div class="muted">{who}</div></div>'
        '<div style="text-align:right">'
        f'<div class="score">{s.total:.1f}</div><div class="muted">{_change(report.change, digits=1)} '
        f"vs previous ({report.previous:.1f})</div></div></div>"
        '<table style="margin-top:10px"><tr><th>signal</th><th>source</th><th class="num">items</th>'
        f'<th class="num">points</th><th>evidence</th></tr>{"".join(_line_row(x) for x in s.lines)}</table>'
        f'<p class="formula">{h(s.explain())}</p>'
        f"{chart_block}"
        f"{''.join(evidence_html(e) for e in report.evidence)}{more}</section>"
    )


def render(digest: Digest) -> str:
    """The full report: one HTML document, no external references."""
    p = digest.period
    notes = "".join(f"<li>{h(n)}</li>" for n in digest.notes)
    notes_block = f'<div class="panel notes"><ul>{notes}</ul></div>' if notes else ""
    sources = ", ".join(f"{h(k)}: {v:,}" for k, v in digest.sources)
    others = len(digest.ranking) - len(digest.accounts)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>sentinel digest {h(p.label)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>sentinel weekly digest · {h(p.label)}</h1>"
        f'<div class="muted">{p.start:%a %d %b %Y %H:%M} to {p.end:%a %d %b %Y %H:%M} ({h(digest.timezone)})'
        f" · generated {digest.generated:%Y-%m-%d %H:%M} UTC</div>"
        f"{_headline(digest.headline)}"
        f"{notes_block}"
        f'<h2>Accounts ranked by risk</h2><div class="panel">{_ranking(digest)}'
        f'<p class="muted">Accounts at or above {digest.attention_score:g} points need attention.'
        f"{f' {others} more accounts scored lower; all are in the JSON digest.' if others > 0 else ''}"
        "</p></div>"
        f'<h2>This week on a timeline</h2><div class="panel">'
        f"{charts.timeline(digest.timeline, [a.id for a in digest.accounts], p)}</div>"
        f"{''.join(_account(r) for r in digest.accounts)}"
        f'<h2>How scores work</h2><p class="muted">{h(digest.method)}</p>'
        f'<p class="muted">Read from the store: {sources}.</p></main></body></html>\n'
    )


# -- email body --------------------------------------------------------------------

_TD = "padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:13px;vertical-align:top"
_EMAIL_ACCOUNTS = 10
_EMAIL_EVIDENCE = 3


def render_email(digest: Digest, *, attachment: str) -> str:
    """A short HTML body for mail clients: tables and inline styles; the full report is attached."""
    p = digest.period
    headline = "".join(
        f'<tr><td style="{_TD}"><b style="font-size:18px">{item.value:,}</b></td>'
        f'<td style="{_TD}">{h(item.label)}</td>'
        f'<td style="{_TD};color:#6b7280">{item.change:+,} vs previous ({item.previous:,})</td></tr>'
        for item in digest.headline
    )
    accounts = []
    for report in digest.accounts[:_EMAIL_ACCOUNTS]:
        evidence = "".join(
            f'<div style="margin-top:4px;font-size:12px;color:#374151">'
            f"[{h(e.severity.value)}] <code>{h(e.signal)}</code> {h(e.title)} · {h(e.when_utc)}"
            f"{' · ' + h(e.when_local) if e.when_local else ''}"
            f"{_email_commit(e)}</div>"
            for e in report.evidence[:_EMAIL_EVIDENCE]
        )
        accounts.append(
            f'<tr><td style="{_TD}">{report.rank}</td><td style="{_TD}"><b>{h(report.id)}</b> '
            f"({h(report.role.value)}){'<br>' + h(report.name) if report.name else ''}</td>"
            f'<td style="{_TD};text-align:right"><b>{report.score.total:.1f}</b><br>'
            f'<span style="color:#6b7280">{report.change:+.1f}</span></td>'
            f'<td style="{_TD}"><span style="font-family:monospace;font-size:12px">'
            f"{h(report.score.explain())}</span>{evidence}</td></tr>"
        )
    rows = "".join(accounts) or f'<tr><td style="{_TD}" colspan="4">No account scored this period.</td></tr>'
    notes = "".join(f'<p style="font-size:13px;color:#92400e">{h(n)}</p>' for n in digest.notes)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        '<body style="margin:0;padding:16px;background:#ffffff;font-family:Helvetica,Arial,sans-serif;'
        'color:#1f2937">'
        f'<h1 style="font-size:20px;margin:0 0 4px">sentinel weekly digest · {h(p.label)}</h1>'
        f'<p style="font-size:13px;color:#6b7280;margin:0 0 12px">{p.start:%a %d %b %Y} to '
        f"{p.end:%a %d %b %Y} ({h(digest.timezone)})</p>"
        f'<table cellpadding="0" cellspacing="0" style="border-collapse:collapse">{headline}</table>{notes}'
        '<h2 style="font-size:16px;margin:18px 0 6px">Accounts ranked by risk</h2>'
        f'<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%">{rows}</table>'
        f'<p style="font-size:13px;color:#6b7280">The full report with charts and all evidence is attached'
        f" ({h(attachment)}).</p></body></html>\n"
    )


def _email_commit(e: Evidence) -> str:
    if e.commit is None:
        return f" · {h(e.path)}" if e.path else ""
    sha = h(e.commit.text)
    return f' · <a href="{h(e.commit.url)}">{sha}</a>' if e.commit.url else f" · {sha}"
