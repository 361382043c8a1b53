from __future__ import annotations

from pathlib import Path

import pytest

from sentinel import config
from sentinel.errors import ConfigError
from sentinel.model import Severity

EXAMPLE = Path(__file__).resolve().parents[1] / "config" / "sentinel.yaml"


def test_the_documented_example_is_exactly_the_defaults(caplog: pytest.LogCaptureFixture) -> None:
    loaded = config.load(EXAMPLE)
    assert loaded == config.Config(source=EXAMPLE)
    assert "unknown config key" not in caplog.text


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("scan:\n  fail_on: low\nidentities: ids.yaml\n")
    loaded = config.load(path, environ={"SENTINEL_FAIL_ON": "critical"})
    assert loaded.scan.fail_on is Severity.CRITICAL
    assert loaded.identities == tmp_path / "ids.yaml"  # relative to the config file


def test_repo_config_is_found(tmp_path: Path) -> None:
    (tmp_path / ".sentinel.yaml").write_text("scan:\n  exclude: ['vendor/*']\n")
    assert config.load(None, repo=tmp_path, environ={}).scan.exclude == ("vendor/*",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("scan:\n  fail_on: severe\n", ":2: scan.fail_on: must be one of"),
        ("scan:\n  max_file_bytes: -5\n", ":2: scan.max_file_bytes: must not be negative"),
        ("weights: [1, 2]\n", ":1: weights: must be a mapping"),
        ("scan:\n  exclude: 3\n", ":2: scan.exclude: must be a list"),
        ("- just\n- a list\n", "the config file must be a mapping"),
        ("scan: {fail_on: [}\n", "invalid YAML"),
    ],
)
def test_bad_values_name_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        config.load(path, environ={})


def test_bad_environment_value_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"scan.fail_on: .* \(from the environment\)"):
        config.load(None, environ={"SENTINEL_FAIL_ON": "loud"})


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        config.load(tmp_path / "absent.yaml", environ={})
