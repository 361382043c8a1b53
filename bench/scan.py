"""Time `sentinel scan` against raw Semgrep on 1-, 10- and 100-file ranges of real releases.

The corpus (bench/corpus.py) is a git repository whose commits are successive
real releases of real PyPI and npm packages. This script searches its commit
pairs for ranges that change about 1, 10 and 100 files, then times, in the same
run and interleaved so that load on the machine hits every peer alike:

  sentinel   python -m sentinel scan --repo R --base A --head B --format json --exit-zero
             (this checkout's source tree, not an installed copy)
  semgrep    semgrep scan --config RULES --json --metrics=off
  semgrep-x  the same with --experimental

Both Semgrep peers scan the post-images of the same changed files, exported
from commit B into a scratch folder, with the same rules. An empty
.semgrepignore is written there so that Semgrep's default ignore list (tests/,
build/, ...) does not let the raw peers skip files that sentinel scans.

    python bench/scan.py [--runs 5] [--warmup 1] [--rules DIR] [--profile]

Downloads and the repository are cached in ~/.cache/sentinel-bench (or
$SENTINEL_BENCH_CACHE). No timing is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import logging
import math
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import corpus

log = logging.getLogger("bench.scan")

ROOT = Path(__file__).resolve().parent.parent  # this checkout
TARGETS = (1, 10, 100)  # files changed per range
# The same offline settings sentinel uses: without them Semgrep stalls ~95 s on the version check.
SEMGREP_ENV = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
PEERS = ("sentinel", "semgrep", "semgrep-x")


@dataclass(frozen=True, slots=True, kw_only=True)
class Commit:
    index: int  # position in history, oldest first
    sha: str
    subject: str  # "ecosystem name version", as bench/corpus.py writes it

    @property
    def package(self) -> str:
        return self.subject.rsplit(" ", 1)[0]


@dataclass(frozen=True, slots=True, kw_only=True)
class Range:
    target: int
    base: Commit
    head: Commit
    files: tuple[str, ...]  # changed files with added lines, as sentinel scans them


@dataclass(frozen=True, slots=True, kw_only=True)
class Measure:
    peer: str
    seconds: float  # median wall time
    spread: tuple[float, float]  # fastest and slowest run
    findings: int
    skipped: int  # files skipped or timed out (sentinel's "skipped", Semgrep's "errors")


# --- the corpus -----------------------------------------------------------------------------------


def cache_dir() -> Path:
    return Path(os.environ.get("SENTINEL_BENCH_CACHE", "~/.cache/sentinel-bench")).expanduser()


def commits(repo: Path) -> list[Commit]:
    """The repository's commits, oldest first."""
    lines = corpus.git(repo, "log", "--reverse", "--format=%H %s").splitlines()
    return [
        Commit(index=index, sha=sha, subject=subject)
        for index, (sha, subject) in enumerate(line.split(" ", 1) for line in lines)
    ]


def changed_files(repo: Path, base: str, head: str) -> tuple[str, ...]:
    """Files sentinel would scan in base..head: added, copied, modified, renamed or retyped
    files with at least one added line (or binary), found with the same rename detection."""
    out = corpus.git(repo, "diff", "--numstat", "-z", "-M", "-C", "--diff-filter=ACMRT", base, head)
    tokens = iter(out.split("\0"))
    files = []
    for token in tokens:
        if not token:
            continue
        added, _deleted, path = token.split("\t", 2)
        if not path:  # a rename or copy: the old and new names follow as their own tokens
            next(tokens)
            path = next(tokens)
        if added != "0":  # "-" is a binary file, which sentinel also keeps
            files.append(path)
    return tuple(files)


def pick_ranges(repo: Path, targets: Sequence[int]) -> list[Range]:
    """For each target, the update range whose file count is nearest it (on a log scale),
    preferring the shortest span of commits and then the newest."""
    candidates = [
        (base, head, changed_files(repo, base.sha, head.sha)) for base, head in update_pairs(commits(repo))
    ]
    ranges = []
    for target in targets:
        base, head, files = min(
            (c for c in candidates if c[2]),
            key=lambda c: (
                round(abs(math.log(len(c[2]) / target)), 6),
                c[1].index - c[0].index,
                -c[1].index,
            ),
        )
        ranges.append(Range(target=target, base=base, head=head, files=files))
    return ranges


def update_pairs(history: Sequence[Commit]) -> list[tuple[Commit, Commit]]:
    """Commit pairs whose range only updates packages already in the base.

    A package's first commit imports it whole: a vendoring, not the pull
    request a gate usually sees, so no candidate range contains one.
    """
    first: dict[str, int] = {}
    for commit in history:
        first.setdefault(commit.package, commit.index)
    return [
        (base, head)
        for base in history
        for head in history[base.index + 1 :]
        if all(first[c.package] <= base.index for c in history[base.index + 1 : head.index + 1])
    ]


def export_files(repo: Path, sha: str, paths: Sequence[str], dest: Path) -> None:
    """Write `paths` as they are at `sha` under `dest`, via `git archive`."""
    # Literal pathspecs: a file name with * or : in it means itself.
    env = {"GIT_LITERAL_PATHSPECS": "1"}
    archive = subprocess.run(
        ["git", "archive", "--format=tar", sha, "--", *paths],
        cwd=repo,
        check=True,
        capture_output=True,
        env={**os.environ, **env},
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tf:
        tf.extractall(dest, filter="data")  # our own archive, but stay strict anyway


# --- the peers ------------------------------------------------------------------------------------


def semgrep_rules(rules: Path) -> Path:
    """The Semgrep rule folder inside a rules root, as sentinel resolves it."""
    return rules / "semgrep" if (rules / "semgrep").is_dir() else rules


def sentinel_command(repo: Path, rng: Range) -> list[str]:
    return [
        sys.executable, "-m", "sentinel", "scan", "--repo", str(repo),
        "--base", rng.base.sha, "--head", rng.head.sha, "--format", "json", "--exit-zero",
    ]  # fmt: skip


def semgrep_command(rules: Path, *, experimental: bool) -> list[str]:
    command = ["semgrep", "scan", "--config", str(semgrep_rules(rules)), "--json", "--metrics=off"]
    return [*command, "--experimental", "."] if experimental else [*command, "."]


def peer_env(rules: Path) -> dict[str, str]:
    """The environment of every peer: offline Semgrep, sentinel from this checkout, same rules."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, **SEMGREP_ENV, "PYTHONPATH": path, "SENTINEL_RULES": str(rules)}


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, bytes]:
    """Wall time of one run and its stdout; a failing run stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    # sentinel exits 0 (--exit-zero); Semgrep exits 1 when it has findings.
    if done.returncode not in (0, 1):
        reason = _failure(done.stdout) or " | ".join(done.stderr.decode("utf-8", "replace").splitlines()[-3:])
        raise RuntimeError(f"{' '.join(command[:3])} … exited {done.returncode}: {reason}")
    return elapsed, done.stdout


def _failure(stdout: bytes) -> str:
    """The first error in a Semgrep JSON report (a rejected rule exits 7 with an empty stderr)."""
    try:
        errors = json.loads(stdout).get("errors", [])
    except (ValueError, AttributeError):
        return ""
    return " ".join(str(errors[0].get("message", errors[0])).split())[:300] if errors else ""


def count_findings(peer: str, stdout: bytes) -> tuple[int, int]:
    """(findings, files skipped or not fully scanned) from a peer's JSON report."""
    report = json.loads(stdout)
    if peer == "sentinel":
        return len(report["findings"]), len(report["skipped"])
    return len(report["results"]), len(report["errors"])


def measure(repo: Path, rng: Range, rules: Path, *, runs: int, warmup: int) -> list[Measure]:
    """Median wall time of each peer over `runs` runs, the peers interleaved run by run."""
    env = peer_env(rules)
    with tempfile.TemporaryDirectory(prefix="sentinel-bench-") as scratch:
        tree = Path(scratch)
        export_files(repo, rng.head.sha, rng.files, tree)
        (tree / ".semgrepignore").write_text("")  # scan what sentinel scans, tests/ included
        commands = {
            "sentinel": (sentinel_command(repo, rng), ROOT),
            "semgrep": (semgrep_command(rules, experimental=False), tree),
            "semgrep-x": (semgrep_command(rules, experimental=True), tree),
        }
        times: dict[str, list[float]] = {peer: [] for peer in PEERS}
        outputs: dict[str, bytes] = {}
        for round_ in range(warmup + runs):
            for peer in PEERS:
                command, cwd = commands[peer]
                elapsed, outputs[peer] = run_once(command, cwd, env)
                if round_ >= warmup:  # warm-up rounds fill the disk cache and are not timed
                    times[peer].append(elapsed)
            log.info("range %d: round %d/%d done", rng.target, round_ + 1, warmup + runs)
    measures = []
    for peer in PEERS:
        findings, skipped = count_findings(peer, outputs[peer])
        seconds = times[peer]
        measures.append(
            Measure(
                peer=peer,
                seconds=statistics.median(seconds),
                spread=(min(seconds), max(seconds)),
                findings=findings,
                skipped=skipped,
            )
        )
    return measures


# --- output ---------------------------------------------------------------------------------------


def short(commit: Commit) -> str:
    return f"{commit.subject.split(' ', 1)[1]} ({commit.sha[:7]})"


def print_table(rows: Sequence[tuple[Range, list[Measure]]]) -> None:
    """Seconds are medians; ratio = sentinel / raw Semgrep (below 1.0: sentinel is faster)."""
    labels = [f"~{rng.target}: {short(rng.base)} .. {short(rng.head)}" for rng, _ in rows]
    width = max(len("range"), *(len(label) for label in labels))
    header = (
        f"{'range':<{width}} {'files':>5} {'sentinel s':>10} {'semgrep s':>10} {'semgrep-x s':>11}"
        f" {'ratio':>6} {'ratio-x':>7}  {'findings':>8} {'skipped':>7}"
    )
    print(header)
    print("-" * len(header))
    for label, (rng, measures) in zip(labels, rows, strict=True):
        by = {m.peer: m for m in measures}
        s, raw, exp = by["sentinel"], by["semgrep"], by["semgrep-x"]
        findings = f"{s.findings}/{raw.findings}/{exp.findings}"
        skipped = f"{s.skipped}/{raw.skipped}/{exp.skipped}"
        print(
            f"{label:<{width}} {len(rng.files):>5} {s.seconds:>10.2f} {raw.seconds:>10.2f}"
            f" {exp.seconds:>11.2f} {s.seconds / raw.seconds:>6.2f} {s.seconds / exp.seconds:>7.2f}"
            f"  {findings:>8} {skipped:>7}"
        )
    print("(findings and skipped: sentinel/semgrep/semgrep-x)")
    print()
    print("spread (fastest-slowest run, s):")
    for rng, measures in rows:
        spreads = "  ".join(f"{m.peer} {m.spread[0]:.2f}-{m.spread[1]:.2f}" for m in measures)
        print(f"  ~{rng.target:<4} {spreads}")


def print_context(repo: Path, rules: Path, runs: int, warmup: int) -> None:
    version = subprocess.run(
        ["semgrep", "--version"], capture_output=True, text=True, env={**os.environ, **SEMGREP_ENV}
    ).stdout.strip()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rule_count = sum(1 for p in semgrep_rules(rules).rglob("*") if p.suffix in (".yml", ".yaml"))
    print(f"repo      {repo} ({len(commits(repo))} commits of real releases)")
    print(f"rules     {semgrep_rules(rules)} ({rule_count} rule files)")
    print(f"runs      median of {runs}, after {warmup} untimed warm-up round(s), peers interleaved")
    print(f"machine   {os.cpu_count()} cpus, load average {load}; python {platform.python_version()}")
    print(f"semgrep   {version}")
    print()


def profile(repo: Path, rng: Range, rules: Path, top: int = 25) -> None:
    """cProfile one sentinel scan in this process; time in subprocess waits is Semgrep and git."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(SEMGREP_ENV)
    os.environ["SENTINEL_RULES"] = str(rules)
    from sentinel.main import main as sentinel_main  # imported late: the profile covers the scan

    args = [*sentinel_command(repo, rng)[3:], "--output", os.devnull]
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(sentinel_main, args)
    elapsed = time.perf_counter() - start
    print(f"\nprofile of one sentinel scan of ~{rng.target} ({elapsed:.2f} s in-process):")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)


# --- entry point ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    p.add_argument("--runs", type=int, default=5, help="timed runs per peer and range (median reported)")
    p.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    p.add_argument("--rules", type=Path, default=ROOT / "rules", help="rules root or Semgrep rule folder")
    p.add_argument("--profile", action="store_true", help="also cProfile sentinel on the largest range")
    p.add_argument("--verbose", action="store_true", help="log downloads, commits and rounds on stderr")
    args = p.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        p.error("--runs must be at least 1 and --warmup at least 0")
    args.rules = args.rules.resolve()
    if not semgrep_rules(args.rules).exists():
        p.error(f"{args.rules}: no such rules folder")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    repo = corpus.build(cache_dir())
    ranges = pick_ranges(repo, TARGETS)
    with tempfile.TemporaryDirectory(prefix="sentinel-bench-rules-") as scratch:
        # A snapshot: every peer and round sees the same rules even if the folder is being edited.
        rules = Path(scratch) / "rules"
        shutil.copytree(semgrep_rules(args.rules), rules / "semgrep")
        print_context(repo, args.rules, args.runs, args.warmup)
        rows = [(rng, measure(repo, rng, rules, runs=args.runs, warmup=args.warmup)) for rng in ranges]
        print_table(rows)
        print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if args.profile:
            profile(repo, ranges[-1], rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
