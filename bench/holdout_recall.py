"""Recall on the held-out incident reproductions (tests/data/incidents-holdout*/).

The rules were written while looking at tests/data/incidents/, so their 100 % there says
little about backdoors nobody tuned for. Each held-out set was written without reading the
rules; this prints recall over each (and over all of them) with the same scan, judge and
report as `bench/false_alarms.py --recall-only`. Never tune a rule to one of these samples:
when a rule is written for a missed pattern, move the incident into tests/data/incidents/.

    python bench/holdout_recall.py [--incidents DIR ...] [--rules DIR] [--findings]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import false_alarms as fa

HOLDOUTS = sorted((fa.ROOT / "tests" / "data").glob("incidents-holdout*"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--incidents", type=Path, nargs="+", default=HOLDOUTS, help="folders of incident reproductions"
    )
    parser.add_argument("--rules", type=Path, help="rules root; default: bundled")
    parser.add_argument("--findings", action="store_true", help="also list every finding")
    args = parser.parse_args(argv)
    verdicts: list[fa.Verdict] = []
    for folder in args.incidents:
        incidents = fa.load_incidents(folder)
        with tempfile.TemporaryDirectory(prefix="sentinel-holdout-") as tmp:
            scratch = Path(tmp)
            base, head = fa.incident_repo(incidents, scratch / "incidents", folder=folder)
            hits = fa.scan(
                scratch / "incidents", base, head, config=fa.write_config(scratch), rules=args.rules
            )
        print(f"\n# {folder.relative_to(fa.ROOT) if folder.is_relative_to(fa.ROOT) else folder}")
        found = fa.judge(incidents, hits)
        fa.recall_report(found)
        verdicts += found
        if args.findings:
            print("\n== Findings")
            for h in sorted(hits, key=lambda h: (h.path, -fa.RANK[h.severity])):
                print(f"  {h.severity:8s} {h.rule:42s} {h.path}:{h.line}")
    if len(args.incidents) > 1:
        caught = sum(v.caught for v in verdicts)
        print(f"\n== All held-out sets: {caught}/{len(verdicts)} caught ({caught / len(verdicts):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
