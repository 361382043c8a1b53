"""Every format from the same digest: same content, every store string escaped."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from sentinel.reporting.digest import Digest, render_html, render_json, render_md
from tests.reporting.digest import week


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_html_is_self_contained_and_escapes_commit_strings(digest: Digest) -> None:
    html = render_html.render(digest)
    parsed = _parse(html)
    # The hostile path, line, author and message are text, never markup.
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert '<b>"Ops"</b>' not in html and "&lt;b&gt;&quot;Ops&quot;&lt;/b&gt;" in html
    assert not [a for a, _ in parsed.attrs if a.startswith("on")]
    text = "".join(parsed.text)
    assert week.EVIL_PATH in text and "<img src=x onerror=alert(1)>" in text
    assert f"top dir: {week.EVIL_DIR}" in text and "<svg onload" not in html
    assert 'Dev <b>"Ops"</b> <dev@unknown.example>' in text
    # Nothing fetched: no scripts, stylesheets, images, frames or CSS urls; links only to commits/anchors.
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b|@import|url\(", html, re.I)
    hrefs = {v for a, v in parsed.attrs if a == "href" and v}
    assert all(
        h.startswith("#") or h.startswith("https://git.example.com/payments/api/commit/") for h in hrefs
    )
    assert not [v for a, v in parsed.attrs if a in ("src", "srcset", "xlink:href")]
    assert parsed.tags.count("svg") == 1 + sum(
        (r.activity is not None) + (r.offsets is not None) for r in digest.accounts
    )


def test_email_body_is_mail_client_html_without_svg(digest: Digest) -> None:
    body = render_html.render_email(digest, attachment="sentinel-digest-2026-W47.html")
    parsed = _parse(body)
    assert "svg" not in parsed.tags and "style" not in parsed.tags and "script" not in parsed.tags
    assert "sentinel-digest-2026-W47.html" in "".join(parsed.text)
    assert "mallory" in "".join(parsed.text)
    assert "<b>a remote</b>" not in body and "&lt;b&gt;a remote&lt;/b&gt;" in body


def test_json_has_the_same_content(digest: Digest) -> None:
    data = json.loads(render_json.render(digest))
    assert data["schema"] == "sentinel.digest/1" and data["period"]["label"] == week.WEEK
    assert [a["id"] for a in data["accounts"]] == [r.id for r in digest.accounts]
    assert {h["key"]: h["value"] for h in data["headline"]}["exfiltration"] == 2
    stranger, mallory = data["accounts"][:2]
    assert mallory["score"] == digest.accounts[1].score.total
    assert sum(line["points"] for line in mallory["lines"]) * mallory["weight"] == mallory["score"]
    ids = {e["id"] for e in mallory["evidence"]}
    assert {c["evidence"] for line in mallory["lines"] for c in line["contributions"]} == ids
    assert stranger["evidence"][0]["path"] == week.EVIL_PATH  # data stays data in JSON
    assert mallory["activity"]["days"][2] == {"day": "2026-11-18", "events": 1864}


def test_markdown_has_the_same_content_and_cannot_be_hijacked(digest: Digest) -> None:
    text = render_md.render(digest)
    for report in digest.accounts:
        assert f"{report.score.total:.1f}" in text
        for item in report.evidence:
            assert f"**{item.id}**" in text
    # Brackets escaped: no raw HTML, no injected link or image; commit links are ours.
    unescaped = re.findall(r"(?<!\\)<", text.replace("](<", "]("))
    assert unescaped == []
    assert r'scripts/\<script\>alert("path")\</script\>.sh' in text
    assert r"\<img src=x onerror=alert(1)\>" in text
    links = re.findall(r"\]\(<([^>]*)>\)", text)
    assert links and all(link.startswith("https://git.example.com/payments/api/commit/") for link in links)


def test_formats_agree_on_the_headline(digest: Digest) -> None:
    md_text, html = render_md.render(digest), render_html.render(digest)
    data = json.loads(render_json.render(digest))
    for item, as_json in zip(digest.headline, data["headline"], strict=True):
        assert (as_json["value"], as_json["previous"]) == (item.value, item.previous)
        assert f"| {item.label} | {item.value:,} | {item.previous:,} |" in md_text
        assert item.label in html
