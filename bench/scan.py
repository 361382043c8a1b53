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
import resource
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
    spread: tuple[float, float]  # fastest and slowest wall time
    cpu: float  # median CPU time (user + system) of the process and all it waited for
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


def sentinel_env(rules: Path) -> dict[str, str]:
    """The peer environment, with sentinel's bytecode cached as an installed copy's would be.

    Semgrep's Python modules were compiled when pip installed them; a checkout
    run with PYTHONDONTWRITEBYTECODE=1 would instead recompile every sentinel
    module on every run (~0.4 s here). The cache lives in the bench cache, not
    in the checkout, and the warm-up round fills it.
    """
    env = peer_env(rules)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return {**env, "PYTHONPYCACHEPREFIX": str(cache_dir() / "pycache")}


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    wall: float
    cpu: float
    stdout: bytes


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Run:
    """One run's wall time, CPU time and stdout; a failing run stops the benchmark.

    CPU time is counted because this machine is shared: wall time under load
    measures the other tenants too, CPU time (children reaped, so Semgrep's
    workers are included) mostly does not.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # sentinel exits 0 (--exit-zero); Semgrep exits 1 when it has findings.
    if done.returncode not in (0, 1):
        reason = _failure(done.stdout) or " | ".join(done.stderr.decode("utf-8", "replace").splitlines()[-3:])
        raise RuntimeError(f"{' '.join(command[:3])} … exited {done.returncode}: {reason}")
    return Run(wall=wall, cpu=cpu, stdout=done.stdout)


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
    with tempfile.TemporaryDirectory(prefix="sentinel-bench-") as scratch:
        tree = Path(scratch)
        export_files(repo, rng.head.sha, rng.files, tree)
        (tree / ".semgrepignore").write_text("")  # scan what sentinel scans, tests/ included
        commands = {
            "sentinel": (sentinel_command(repo, rng), ROOT, sentinel_env(rules)),
            "semgrep": (semgrep_command(rules, experimental=False), tree, peer_env(rules)),
            "semgrep-x": (semgrep_command(rules, experimental=True), tree, peer_env(rules)),
        }
        runs_by_peer: dict[str, list[Run]] = {peer: [] for peer in PEERS}
        for round_ in range(warmup + runs):
            for peer in PEERS:
                command, cwd, env = commands[peer]
                run = run_once(command, cwd, env)
                if round_ >= warmup:  # warm-up rounds fill the disk and bytecode caches, untimed
                    runs_by_peer[peer].append(run)
            log.info("range %d: round %d/%d done", rng.target, round_ + 1, warmup + runs)
    measures = []
    for peer, done in runs_by_peer.items():
        findings, skipped = count_findings(peer, done[-1].stdout)
        walls = [r.wall for r in done]
        measures.append(
            Measure(
                peer=peer,
                seconds=statistics.median(walls),
                spread=(min(walls), max(walls)),
                cpu=statistics.median(r.cpu for r in done),
                findings=findings,
                skipped=skipped,
            )
        )
    return measures


# --- output ---------------------------------------------------------------------------------------


def short(commit: Commit) -> str:
    return f"{commit.subject.split(' ', 1)[1]} ({commit.sha[:7]})"


def print_table(rows: Sequence[tuple[Range, list[Measure]]]) -> None:
    """Wall and CPU medians; ratio = sentinel / raw Semgrep (below 1.0: sentinel costs less)."""
    labels = [f"~{rng.target}: {short(rng.base)} .. {short(rng.head)}" for rng, _ in rows]
    width = max(len("range"), *(len(label) for label in labels))
    for title, metric in (("wall", "seconds"), ("cpu", "cpu")):
        header = (
            f"{'range':<{width}} {'files':>5} {f'sentinel {title}':>13} {f'semgrep {title}':>12}"
            f" {f'semgrep-x {title}':>14} {'ratio':>6} {'ratio-x':>7}"
        )
        if metric == "seconds":
            header += f"  {'findings':>8} {'skipped':>7}"
        print(header)
        print("-" * len(header))
        for label, (rng, measures) in zip(labels, rows, strict=True):
            by = {m.peer: m for m in measures}
            s, raw, exp = (getattr(by[peer], metric) for peer in PEERS)
            line = (
                f"{label:<{width}} {len(rng.files):>5} {s:>13.2f} {raw:>12.2f} {exp:>14.2f}"
                f" {s / raw:>6.2f} {s / exp:>7.2f}"
            )
            if metric == "seconds":
                findings = "/".join(str(by[peer].findings) for peer in PEERS)
                skipped = "/".join(str(by[peer].skipped) for peer in PEERS)
                line += f"  {findings:>8} {skipped:>7}"
            print(line)
        print()
    print("seconds are medians; ratio = sentinel / semgrep, ratio-x = sentinel / semgrep --experimental")
    print("findings and skipped: sentinel/semgrep/semgrep-x; cpu = user + system, children included")
    print()
    print("wall-time spread (fastest-slowest run, s):")
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
    """Where one sentinel scan spends its time: cProfile in this process, imports measured apart.

    A first, unprofiled scan fills the bytecode cache. cProfile inflates Python-heavy
    work such as imports, so their cost is also measured with `-X importtime` alone.
    """
    env = sentinel_env(rules)
    command = sentinel_command(repo, rng)
    run_once(command, ROOT, env)  # warm the bytecode and disk caches
    print(f"\nwhere one sentinel scan of ~{rng.target} ({len(rng.files)} files) spends its time:")
    print(f"  python start, no imports         {_python_start(env):6.2f} s")
    print(f"  sentinel's imports (-X importtime) {_import_seconds(env):4.2f} s")

    sys.path.insert(0, str(ROOT))
    sys.dont_write_bytecode = False  # as in sentinel_env
    sys.pycache_prefix = env["PYTHONPYCACHEPREFIX"]
    os.environ.update({k: env[k] for k in (*SEMGREP_ENV, "SENTINEL_RULES")})
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    from sentinel.main import main as sentinel_main  # imported here: the profile covers imports

    sentinel_main([*command[3:], "--output", os.devnull])
    profiler.disable()
    elapsed = time.perf_counter() - start
    stats = pstats.Stats(profiler, stream=sys.stdout)
    engine = _cumulative(stats, "subprocess.py", "run", caller=("sentinel/repo/semgrep.py", "run"))
    waits = _cumulative(stats, "subprocess.py", "run")
    imports = _cumulative(stats, "<frozen importlib._bootstrap>", "_find_and_load")
    print(f"  under cProfile, in-process        {elapsed:5.2f} s, of which:")
    print(f"    the semgrep subprocess          {engine:5.2f} s")
    print(f"    other subprocesses (git)        {waits - engine:5.2f} s")
    print(f"    imports (inflated by cProfile)  {imports:5.2f} s")
    print(f"    everything else                 {elapsed - waits - imports:5.2f} s")
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)


def _python_start(env: dict[str, str]) -> float:
    return min(run_once([sys.executable, "-c", "pass"], ROOT, env).wall for _ in range(3))


def _import_seconds(env: dict[str, str]) -> float:
    """Seconds to import what `sentinel scan` imports, summed from `-X importtime`."""
    code = "import sentinel.main, sentinel.commands.scan"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    total_us = 0
    for line in done.stderr.splitlines():
        # "import time: self [us] | cumulative [us] | name", children indented under their parent:
        # a top-level sentinel module's cumulative time covers what it imports (git, yaml, ...),
        # and leaves out what the interpreter imports at start (site, encodings).
        fields = line.split("|")
        if len(fields) == 3 and fields[1].strip().isdigit() and fields[2].startswith(" sentinel"):
            total_us += int(fields[1])
    return total_us / 1e6


def _cumulative(
    stats: pstats.Stats, file_suffix: str, function: str, *, caller: tuple[str, str] | None = None
) -> float:
    """Seconds in `function` of a file ending `file_suffix` (cProfile counts recursion once),
    or only in its calls from `caller` (file suffix, function name)."""
    total = 0.0
    for (path, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        if not (path.endswith(file_suffix) and name == function):
            continue
        # row: (primitive calls, calls, own time, cumulative time, {caller: (..., cumulative)})
        if caller is None:
            total += row[3]
        else:
            total += sum(
                c[3] for key, c in row[4].items() if key[0].endswith(caller[0]) and key[2] == caller[1]
            )
    return total


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
