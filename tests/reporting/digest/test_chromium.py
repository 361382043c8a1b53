"""Open the HTML digest in real headless Chromium: it renders, and fetches nothing.

Chromium's net log records every request the browser makes; a page with one
external image is the positive control that the check can see a request.
Skipped (with the reason) when chromium is not installed: `apt-get install -y chromium`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sentinel.reporting.digest import Digest, render_html
from tests.reporting.digest import week

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The browser's own background traffic (component updates, account checks), not the page's.
_BROWSER_HOSTS = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)"
)


def _open(page: Path, tmp_path: Path, *extra: str) -> tuple[str, set[str]]:
    """The DOM Chromium built from `page`, and the URLs the page made it request."""
    assert CHROMIUM is not None
    netlog = tmp_path / f"{page.stem}.netlog.json"
    done = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}", f"--log-net-log={netlog}", *extra, page.as_uri(),
        ],
        capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    events = json.loads(netlog.read_text())["events"]
    urls = {
        str(e["params"]["url"]) for e in events if isinstance(e.get("params"), dict) and "url" in e["params"]
    }
    page_urls = {u for u in urls if not u.startswith("file:") and not any(h in u for h in _BROWSER_HOSTS)}
    return done.stdout, page_urls


def test_the_check_sees_an_external_request(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text('<html><body><img src="http://198.51.100.7/pixel.png">x</body></html>')
    _, urls = _open(page, tmp_path, "--dump-dom")
    assert "http://198.51.100.7/pixel.png" in urls


def test_digest_renders_in_chromium_without_requests(sqlite_digest: Digest, tmp_path: Path) -> None:
    page = tmp_path / "digest.html"
    page.write_text(render_html.render(sqlite_digest), encoding="utf-8")
    dom, urls = _open(page, tmp_path, "--dump-dom")
    assert urls == set()
    assert "sentinel weekly digest · 2026-W47" in dom
    assert dom.count("<svg") >= 3
    # The hostile path became text in the DOM, not an element.
    assert "<script" not in dom.lower()
    assert 'scripts/&lt;script&gt;alert("path")&lt;/script&gt;.sh' in dom


def test_email_body_renders_without_requests(sqlite_digest: Digest, tmp_path: Path) -> None:
    page = tmp_path / "email.html"
    page.write_text(render_html.render_email(sqlite_digest, attachment="digest.html"), encoding="utf-8")
    dom, urls = _open(page, tmp_path, "--dump-dom")
    assert urls == set() and "mallory" in dom and week.WEEK in dom
