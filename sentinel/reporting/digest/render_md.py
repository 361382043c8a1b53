"""The digest as Markdown for chat tools: the same content as the HTML, charts as small tables.

Every string from the store is escaped so a commit message or path cannot
open a link, an image, a code span or raw HTML in the reader's client.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sentinel.repo.provenance.zones import format_offset
from sentinel.reporting.digest.model import AccountReport, Digest, Evidence

# Characters that can open markup mid-line in CommonMark/GFM (emphasis, code, links,
# images, raw HTML, entities, tables, strikethrough); md() never starts a line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(value: object) -> str:
    """Inline-safe text: one line, Markdown punctuation and HTML brackets backslash-escaped."""
    text = " ".join(str(value).split())
    return _SPECIAL.sub(r"\\\1", text)


def _signed(value: float, digits: int = 0) -> str:
    return f"{value:+,.{digits}f}" if round(value, digits) else "±0"


def _evidence(e: Evidence) -> list[str]:
    lines = [f"- **{md(e.id)}** `{e.severity.value}` {md(e.signal)}: {md(e.title)}"]
    when = f"{md(e.when_utc)}"
    if e.when_local:
        when += f" / {md(e.when_local)} (declared zone)"
    if e.where:
        when += f" · {md(e.where)}"
    lines.append(f"  - {when}")
    if e.path:
        lines.append(f"  - path {md(f'{e.path}:{e.line}' if e.line else e.path)}")
    if e.commit is not None:
        sha = md(e.commit.text)
        link = f"[{sha}](<{e.commit.url}>)" if e.commit.url else sha
        commit = f"  - commit {link} by {md(e.author)}"
        if e.commit_time_utc:
            commit += f", authored {md(e.commit_time_utc)}; {md(e.commit_time_local)}"
        lines.append(commit)
    lines.extend(f"  - {md(d)}" for d in e.details)
    return lines


def _account(r: AccountReport) -> list[str]:
    s = r.score
    who = ", ".join(md(x) for x in (r.name, r.country, r.timezone or "no declared zone") if x)
    out = [
        f"### {r.rank}. {md(r.id)} ({r.role.value}): {s.total:.1f} ({_signed(r.change, 1)})",
        "",
        who,
        "",
        "| signal | source | items | points | evidence |",
        "|---|---|--:|--:|---|",
    ]
    for line in s.lines:
        capped = f" (capped from {line.raw:.1f})" if line.capped else ""
        ids = ", ".join(c.evidence for c in line.contributions[:8])
        if len(line.contributions) > 8:
            ids += f" +{len(line.contributions) - 8}"
        out.append(
            f"| {md(line.signal)} | {line.source} | {len(line.contributions)} "
            f"| {line.points:.1f}{capped} | {ids} |"
        )
    out += ["", f"Score: {md(s.explain())}", ""]
    if r.activity is not None:
        a = r.activity
        days = ", ".join(f"{d:%a} {n:,}" for d, n in a.days)
        base = "no baseline"
        if a.baseline_days:
            base = f"usual day {a.baseline:,.0f} (p90 {a.baseline_high:,.0f})"
        out += [f"Activity per day: {days}; {base}.", ""]
    if r.offsets is not None:
        o = r.offsets
        seen = ", ".join(f"UTC{format_offset(_minutes(m))} ×{n}" for m, n in o.seen)
        declared = ", ".join(f"UTC{format_offset(_minutes(m))}" for m in o.declared) or "none declared"
        out += [f"Commit offsets: {seen}; declared {md(o.timezone or 'zone')}: {declared}.", ""]
    for e in r.evidence:
        out += _evidence(e)
    if r.more_evidence:
        out.append(f"- … {r.more_evidence} more items in the JSON digest")
    out.append("")
    return out


def _minutes(m: int) -> timedelta:
    return timedelta(minutes=m)


def render(digest: Digest) -> str:
    p = digest.period
    out = [
        f"# sentinel weekly digest · {md(p.label)}",
        "",
        f"{p.start:%a %d %b %Y %H:%M} to {p.end:%a %d %b %Y %H:%M} ({md(digest.timezone)})",
        "",
        "| | this period | previous | change |",
        "|---|--:|--:|--:|",
    ]
    out += [
        f"| {md(i.label)} | {i.value:,} | {i.previous:,} | {_signed(i.change)} |" for i in digest.headline
    ]
    out.append("")
    out += [f"> {md(n)}" for n in digest.notes]
    out += ["", "## Accounts ranked by risk", ""]
    if not digest.accounts:
        out.append("No account had a finding, alert or coverage gap in the scoring window.")
    for r in digest.accounts:
        top = ", ".join(f"{md(line.signal)} {line.points:.1f}" for line in r.score.lines[:3])
        change = _signed(r.change, 1)
        out.append(f"{r.rank}. **{md(r.id)}** ({r.role.value}) {r.score.total:.1f} ({change}): {top}")
    others = len(digest.ranking) - len(digest.accounts)
    out += ["", f"Accounts at or above {digest.attention_score:g} points need attention."]
    if others > 0:
        out.append(f"{others} more accounts scored lower; all are in the JSON digest.")
    out += ["", "## Timeline", ""]
    out += [
        f"- {t.ts:%a %d %H:%M} UTC {md(t.account)} `{t.severity.value}` {t.kind} {md(t.label)}"
        f"{f' ×{t.count}' if t.count > 1 else ''}"
        f"{f' ({t.evidence})' if t.evidence else ''}"
        for t in digest.timeline
    ] or ["No alerts or findings this period."]
    out += ["", "## Accounts", ""]
    for r in digest.accounts:
        out += _account(r)
    out += ["## How scores work", "", md(digest.method), ""]
    out.append("Read from the store: " + ", ".join(f"{md(k)} {v:,}" for k, v in digest.sources) + ".")
    return "\n".join(out) + "\n"
