from __future__ import annotations

import re
from pathlib import Path

import pytest

from sentinel import resources
from sentinel.detectors import activity, build, bulk_read, unapproved_push
from sentinel.detectors.base import Context
from sentinel.errors import ConfigError
from sentinel.identities import Directory
from sentinel.model import Account, Role


def test_bundled_rules_build_every_detector() -> None:
    rules = activity.load(resources.rules_dir() / "activity.yaml")
    detectors = build(Context(rules=rules))
    assert {d.id for d in detectors} == {
        "bulk-read", "mass-copy-out", "staging", "unapproved-push", "off-hours-bulk", "clone-burst",
        "coverage", "transfer-tool", "archive-then-send", "egress-volume", "remote-access",
    }  # fmt: skip
    assert rules.is_cloud_sync("/home/a/Dropbox/x.csv")
    assert rules.is_archive("/tmp/src.TAR.GZ")


def test_overrides_most_specific_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "thresholds: {bulk-read: {floor: 100}}\n"
        "overrides:\n  roles: {contractor: {bulk-read: {floor: 50, k: 2}}}\n"
        "  accounts: {eve: {bulk-read: {floor: 10}}}\n"
    )
    rules = activity.load(path)
    eve = Account(id="eve", role=Role.CONTRACTOR)
    dan = Account(id="dan", role=Role.CONTRACTOR)
    assert rules.settings(bulk_read.Settings, "bulk-read").floor == 100
    assert rules.settings(bulk_read.Settings, "bulk-read", dan) == bulk_read.Settings(floor=50, k=2.0)
    assert rules.settings(bulk_read.Settings, "bulk-read", eve).floor == 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("thresholds: {bulk-read: {flor: 3}}\n", "unknown threshold(s) flor"),
        ("thresholds: {bulk-reed: {floor: 3}}\n", "unknown detector 'bulk-reed'"),
        ("thresholds: {bulk-read: {floor: many}}\n", "floor must be a int"),
        ("thresholdz: {}\n", "unknown key"),
    ],
)
def test_bad_rules_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        build(Context(rules=activity.load(path), directory=Directory.of(())))


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("git@github.com:acme/app.git", "github.com/acme/app"),
        ("https://user@GitHub.com:443/acme/app.git", "github.com/acme/app"),
        ("ssh://git@evil.example.com/x.git", "evil.example.com/x"),
        ("file:///srv/git/app.git", "localhost/srv/git/app"),
        ("/mnt/usb/app.git", "localhost/mnt/usb/app"),
    ],
)
def test_remote_location(url: str, location: str) -> None:
    assert unapproved_push.remote_location(url) == location


@pytest.mark.parametrize(
    ("url", "patterns", "ok"),
    [
        ("git@github.com:acme/app.git", ("github.com/acme/*",), True),
        ("git@github.com:other/app.git", ("github.com/acme/*",), False),
        ("https://git.corp.example/x.git", ("git.corp.example",), True),
        ("/tmp/bare.git", ("github.com",), False),
    ],
)
def test_approved(url: str, patterns: tuple[str, ...], ok: bool) -> None:
    assert unapproved_push.approved(url, patterns) is ok
