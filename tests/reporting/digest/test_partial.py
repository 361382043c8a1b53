"""The digest on what a store may really hold: nothing, only CI findings, only agent data."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from sentinel.config import DigestConfig
from sentinel.identities import Directory
from sentinel.reporting.digest import Digest, make_digest, render_html, render_json, render_md
from sentinel.reporting.digest import period as periods
from sentinel.reporting.digest.evidence import commit_link
from sentinel.store import Store, open_store
from tests.reporting.digest import week
from tests.store.conftest import store_url  # noqa: F401 (fixture: SQLite and the real PostgreSQL)

SETTINGS = DigestConfig(commit_url=week.COMMIT_URL)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:  # noqa: F811
    opened = open_store(store_url)
    yield opened
    opened.close()


def _digest(store: Store, directory: Directory) -> Digest:
    period = periods.iso_week(week.WEEK, periods.zone("UTC"))
    return make_digest(store, directory=directory, settings=SETTINGS, period=period, now=week.NOW)


def _renders(digest: Digest) -> dict[str, object]:
    assert "</html>" in render_html.render(digest)
    assert render_md.render(digest).startswith("# sentinel weekly digest")
    data: dict[str, object] = json.loads(render_json.render(digest))
    return data


def test_empty_week(store: Store, directory: Directory) -> None:
    digest = _digest(store, directory)
    assert digest.accounts == () and digest.timeline == ()
    assert all(h.value == 0 and h.previous == 0 for h in digest.headline)
    assert any("no agent data" in n for n in digest.notes)
    assert any("No code or provenance findings" in n for n in digest.notes)
    data = _renders(digest)
    assert data["accounts"] == []
    assert "No account had a finding" in render_html.render(digest)


def test_only_ci_data(store: Store, directory: Directory) -> None:
    for context, batch in week.findings():
        store.add_findings(batch, context=context)
    digest = _digest(store, directory)
    ids = [r.id for r in digest.accounts]
    # Without her USB copy and push, mallory's code findings weigh less than the stranger's shell.
    assert ids == ["unknown:dev@unknown.example", "mallory", "ada", "bob"]
    assert all(r.activity is None for r in digest.accounts)
    assert any("no agent data" in n for n in digest.notes)
    values = {h.key: h.value for h in digest.headline}
    assert values["exfiltration"] == 0 and values["coverage"] == 0 and values["code_findings"] == 2
    _renders(digest)


def test_only_agent_data(store: Store, directory: Directory) -> None:
    store.add_events(week.endpoint_events(baseline_days=7))
    store.add_alerts(week.alerts())
    digest = _digest(store, directory)
    # Without her commits, mallory's two exfiltration alerts weigh less than carol's dark agent.
    assert [r.id for r in digest.accounts] == ["carol", "mallory", "bob"]
    assert all(r.offsets is None for r in digest.accounts)
    assert digest.accounts[1].activity is not None and digest.accounts[1].activity.baseline_days == 7
    values = {h.key: h.value for h in digest.headline}
    assert values["code_findings"] == 0 and values["exfiltration"] == 2 and values["coverage"] == 2
    _renders(digest)


@pytest.mark.parametrize(
    ("template", "repository", "sha", "url"),
    [
        (week.COMMIT_URL, "git@git.example.com:org/app.git", "ab" * 20,
         f"https://git.example.com/org/app/commit/{'ab' * 20}"),
        ("https://git.example.com/{repo_name}/-/commit/{sha}", "/srv/git/team/app.git", "c0ffee1",
         "https://git.example.com/app/-/commit/c0ffee1"),
        # A repository name cannot break out of the path or the attribute.
        (week.COMMIT_URL, 'https://h/a b"><script>.git', "ab" * 20,
         f"https://git.example.com/a%20b%22%3E%3Cscript%3E/commit/{'ab' * 20}"),
        # Never a non-http(s) link, never a link for something that is not a sha.
        ("javascript:alert('{sha}')", "r", "ab" * 20, ""),
        (week.COMMIT_URL, "r", "HEAD~1; rm", ""),
        ("", "r", "ab" * 20, ""),
    ],
)  # fmt: skip
def test_commit_links(template: str, repository: str, sha: str, url: str) -> None:
    assert commit_link(template, repository, sha).url == url
