"""Rules that judge a whole file, whose legitimate look-alike cannot share the fixture file.

`semgrep --test` annotates lines; generic-clipboard-address-hijack needs a separate benign file (a
wallet UI that reads and writes the clipboard) to show it stays quiet. Both run through the real
engine with the rule's path filters, as a scan would.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from sentinel import resources

RULE = resources.rules_dir() / "semgrep" / "generic-clipboard-address-hijack.yml"
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


def _scan(folder: Path) -> list[tuple[str, int]]:
    result = subprocess.run(
        ["semgrep", "scan", "--experimental", "--json", "--quiet", "--metrics=off", "--disable-version-check",
         "--x-ignore-semgrepignore-files", "--no-git-ignore", "--config", str(RULE), "."],
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
