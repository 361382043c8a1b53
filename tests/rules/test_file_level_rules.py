"""Rules that judge a whole file, whose legitimate look-alike cannot share the fixture file.

`semgrep --test` annotates lines; generic-clipboard-address-hijack needs a separate benign file (a
wallet UI that reads and writes the clipboard) to show it stays quiet, and
generic-pip-extra-index-unhashed a requirements file whose every pin is hashed (a fixture of only
`ok:` lines fails `semgrep --test`). They run through the real engine with the rules' path filters,
as a scan would.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from sentinel import resources

RULES = resources.rules_dir() / "semgrep"
RULE = RULES / "generic-clipboard-address-hijack.yml"
FIXTURE = Path(__file__).parent / "semgrep" / "generic-clipboard-address-hijack.js"

# A wallet screen: paste a destination, validate it with an address regex, copy your own address.
WALLET_UI = """\
const ETH_ADDRESS = /^0x[a-fA-F0-9]{40}$/;

export async function pasteRecipient(input) {
  const text = await navigator.clipboard.readText();
  input.value = ETH_ADDRESS.test(text.trim()) ? text.trim() : "";
}

export async function copyMyAddress(wallet) {
  await navigator.clipboard.writeText(wallet.address);
}
"""


def _scan(folder: Path, rule: Path = RULE) -> list[tuple[str, int]]:
    result = subprocess.run(
        ["semgrep", "scan", "--experimental", "--json", "--quiet", "--metrics=off", "--disable-version-check",
         "--x-ignore-semgrepignore-files", "--no-git-ignore", "--config", str(rule), "."],
        cwd=folder, capture_output=True, text=True, check=True,
        env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0"},
    )  # fmt: skip
    return [(r["path"], r["start"]["line"]) for r in json.loads(result.stdout)["results"]]


def test_clipper_is_found_and_wallet_ui_is_not(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "clipper.js").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "src" / "wallet.js").write_text(WALLET_UI, encoding="utf-8")
    read_line = next(
        n for n, line in enumerate(FIXTURE.read_text().splitlines(), 1) if "clipboard.readText()" in line
    )
    assert _scan(tmp_path) == [("src/clipper.js", read_line)]


EXTRA_INDEX = """\
--extra-index-url https://wheels.example.org/simple
torch==2.3.1{torch}
numpy==1.26.4{numpy}
"""
HASHES = {
    "torch": " \\\n    --hash=sha256:" + "a" * 64,
    "numpy": " \\\n    --hash=sha256:" + "b" * 64,
}


def test_a_merged_index_is_high_only_without_hash_pins(tmp_path: Path) -> None:
    rule = RULES / "generic-pip-extra-index-unhashed.yml"
    loose, pinned = tmp_path / "loose", tmp_path / "pinned"
    loose.mkdir()
    pinned.mkdir()
    (loose / "requirements.txt").write_text(EXTRA_INDEX.format(torch="", numpy=""), encoding="utf-8")
    # pip's hash-checking mode: a version from another index cannot match the recorded hash.
    (pinned / "requirements.txt").write_text(EXTRA_INDEX.format(**HASHES), encoding="utf-8")
    assert _scan(loose, rule) == [("requirements.txt", 1)]
    assert _scan(pinned, rule) == []
