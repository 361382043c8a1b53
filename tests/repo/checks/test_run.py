"""run_checks contract: findings only on added lines, metadata carried over, binaries whole-file."""

from __future__ import annotations

import dataclasses

from sentinel.model import Severity
from sentinel.repo.checks import ChecksSettings, run_checks
from tests.repo.checks.helpers import changed, shipped

TROJAN = 'x = 1\naccess = "user\u202e \u2066# admin\u2069 \u2066"\ny = 2\n'
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(300)


def test_findings_carry_metadata_and_location() -> None:
    (finding,) = run_checks([changed("src/auth.py", TROJAN)], shipped())
    assert finding.rule_id == "unicode-bidi-control"
    assert (finding.path, finding.line, finding.end_line) == ("src/auth.py", 2, 2)
    assert finding.severity is Severity.HIGH
    assert finding.category == "obfuscation"
    assert finding.confidence == "high"
    assert finding.attack == ("T1027", "T1195.002")
    assert finding.cwe and finding.cwe[0].startswith("CWE-451")
    assert finding.snippet.startswith('access = "user<U+202E>')


def test_lines_that_were_not_added_are_ignored() -> None:
    assert run_checks([changed("src/auth.py", TROJAN, added={1, 3})], shipped()) == []


def test_binary_files_get_whole_file_findings() -> None:
    (finding,) = run_checks([changed("tests/files/blob.bin", ELF)], shipped())
    assert finding.rule_id == "binary-executable"
    assert finding.line is None and finding.end_line is None
    assert finding.snippet == ""


def test_disabled_and_excluded_checks_do_not_run() -> None:
    base = shipped()
    bidi = base.checks["unicode-bidi-control"]
    disabled = ChecksSettings(checks={"unicode-bidi-control": dataclasses.replace(bidi, enabled=False)})
    excluded = ChecksSettings(checks={"unicode-bidi-control": dataclasses.replace(bidi, exclude=("src/*",))})
    files = [changed("src/auth.py", TROJAN)]
    assert run_checks(files, disabled) == []
    assert run_checks(files, excluded) == []
