"""rules/checks.yaml loading: the shipped file is valid; mistakes name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sentinel import resources
from sentinel.errors import ConfigError
from sentinel.model import Severity
from sentinel.repo.checks import CHECKS, load_settings

SHIPPED = resources.rules_dir() / "checks.yaml"


def test_shipped_settings_cover_every_registered_check() -> None:
    settings = load_settings(SHIPPED)
    assert set(settings.checks) == set(CHECKS)
    encoded = settings.checks["encoded-blob"]
    assert encoded.severity is Severity.MEDIUM
    assert encoded.options.min_base64 == 200
    assert encoded.options.payload_severity is Severity.HIGH


def _write(tmp_path: Path, edit: str, value: object) -> Path:
    """The shipped file with one change at dotted path `edit` (checks.<id>.<key>[.<option>])."""
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    *parents, last = edit.split(".")
    node = data
    for key in parents:
        node = node[key]
    if value is None:
        del node[last]
    else:
        node[last] = value
    path = tmp_path / "checks.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "value", "expected"),
    [
        (
            "checks.encoded-blob.treshold",
            3,
            r"checks\.yaml:\d+: checks\.encoded-blob\.treshold: unknown field",
        ),
        (
            "checks.encoded-blob.options.min_base46",
            3,
            r":\d+: checks\.encoded-blob\.options\.min_base46: unknown option",
        ),
        (
            "checks.encoded-blob.options.min_base64",
            "long",
            r":\d+: checks\.encoded-blob\.options\.min_base64: must be int",
        ),
        ("checks.minified-code.severity", "severe", r":\d+: checks\.minified-code\.severity: must be one of"),
        ("checks.minified-code.category", "sneaky", r":\d+: checks\.minified-code\.category: must be one of"),
        ("checks.minified-code.mitre", [], r":\d+: checks\.minified-code\.mitre: must list at least one"),
        (
            "checks.minified-code.description",
            None,
            r":\d+: checks\.minified-code: missing required field `description`",
        ),
        (
            "checks.no-such-check",
            {"severity": "low"},
            r":\d+: checks\.no-such-check: no Python check has this id",
        ),
        ("checks.minified-code", None, r"checks: settings missing for check\(s\): minified-code"),
    ],
)
def test_mistakes_are_config_errors_naming_line_and_key(
    tmp_path: Path, edit: str, value: object, expected: str
) -> None:
    with pytest.raises(ConfigError, match=expected):
        load_settings(_write(tmp_path, edit, value))


def test_top_level_must_be_checks(tmp_path: Path) -> None:
    path = tmp_path / "checks.yaml"
    path.write_text("encoded-blob: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"single top-level `checks:`"):
        load_settings(path)
