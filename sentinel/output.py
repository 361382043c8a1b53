"""The only writer of results: stdout, or a file given with --output."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sentinel.errors import SentinelError


def write(text: str, output: Path | None = None) -> None:
    """Write `text` to `output`, or to stdout.

    Raises:
        SentinelError: the output file cannot be written.
    """
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SentinelError(f"{output}: cannot write output: {exc.strerror or exc}") from None


def wants_colour(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
