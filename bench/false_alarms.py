"""False alarms on real benign history, and recall on reproduced real incidents.

False alarms: the corpus (bench/corpus.py, BENIGN_RELEASES) is a git repository whose
commits are successive releases of popular PyPI and npm projects (Python, C, JavaScript,
TypeScript declarations, shell). Every commit is scanned with the full rule pack and the
findings on its added lines are counted per 1,000 commits: overall, per severity and per
rule. Goals (issue 3): at most 2 high-or-critical findings per 1,000 commits, and no
single rule above 1.

To save Semgrep start-ups, consecutive commits are scanned as one range when each touches
a different package (the corpus interleaves packages round-robin, so that is most of
them). Packages live in disjoint folders, so the lines such a range adds are exactly the
union of the lines its commits add, and the JSON `commit` field (git blame at head) says
which commit added each finding's line: the counts equal those of one scan per commit.
`--range-size 1` scans commit by commit instead.

Recall: tests/data/incidents/<id>/ holds our own minimal reproductions of publicly
documented backdoors and malicious packages, each with an expected.yaml. They are
committed, one commit per incident, onto a clean base repository that is scanned once;
an incident is caught when a finding at or above its `min_severity` (high for all of
them) lands on one of its files. Goal: at least 90 %.

Role weighting is neutralised (weights 0 for every role) and provenance is off, so the
figures are the rules' own severities.

    python bench/false_alarms.py [--limit-commits N] [--rules DIR] [--top 25]
    python bench/false_alarms.py --recall-only

Downloads and the repository are cached in ~/.cache/sentinel-bench (or
$SENTINEL_BENCH_CACHE); releases that fail to download are skipped and counted.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import corpus
import yaml

log = logging.getLogger("bench.false_alarms")

ROOT = Path(__file__).resolve().parent.parent  # this checkout
INCIDENTS = ROOT / "tests" / "data" / "incidents"
SEVERITIES = ("critical", "high", "medium", "low", "info")
RANK = {name: len(SEVERITIES) - i for i, name in enumerate(SEVERITIES)}
GOAL_OVERALL = 2.0  # high-or-critical findings per 1,000 benign commits
GOAL_PER_RULE = 1.0
GOAL_RECALL = 0.90
# Weights 0: the rules' own severities, not the author's role. Provenance looks at who
# committed and when, which says nothing about a rule's precision.
CONFIG = """\
weights: {employee: 0, contractor: 0, unknown: 0}
provenance: {enabled: false}
scan: {exclude: []}
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    rule: str
    severity: str
    path: str
    line: int | None
    snippet: str
    commit: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    id: str
    category: str
    min_severity: str
    files: tuple[str, ...]  # relative to the incident folder, expected.yaml excluded


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    incident: Incident
    caught: bool
    best: Hit | None  # the most severe finding on the incident's files


# --- running sentinel ---------------------------------------------------------------------


def scan(repo: Path, base: str | None, head: str, *, config: Path, rules: Path | None) -> tuple[Hit, ...]:
    """Findings of `sentinel scan` (this checkout) on base..head, or on head alone."""
    command = [sys.executable, "-m", "sentinel", "scan", "--repo", str(repo), "--head", head,
               "--format", "json", "--exit-zero", "--config", str(config)]  # fmt: skip
    if base is not None:
        command += ["--base", base]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SEMGREP_ENABLE_VERSION_CHECK": "0"}
    if rules is not None:
        env["SENTINEL_RULES"] = str(rules)
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"sentinel scan {base}..{head} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout)
    for skipped in report.get("skipped", ()):
        log.info("skipped %s: %s", skipped.get("path"), skipped.get("reason"))
    return tuple(
        Hit(
            rule=f["rule"],
            severity=f["severity"],
            path=f["path"],
            line=f.get("line"),
            snippet=(f.get("snippet") or "").strip(),
            commit=f.get("commit"),
        )
        for f in report["findings"]
    )


def write_config(folder: Path) -> Path:
    path = folder / "false-alarms.sentinel.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


# --- the benign corpus --------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Commit:
    sha: str
    subject: str  # "ecosystem name version"

    @property
    def package(self) -> str:
        return self.subject.rsplit(" ", 1)[0]


def commits(repo: Path) -> tuple[Commit, ...]:
    lines = corpus.git(repo, "log", "--reverse", "--format=%H %s").splitlines()
    return tuple(Commit(sha=line[:40], subject=line[41:]) for line in lines)


def ranges(history: Sequence[Commit], size: int) -> Iterable[tuple[Commit | None, tuple[Commit, ...]]]:
    """(base, commits) groups of consecutive commits touching distinct packages.

    The root commit is scanned alone (base None: sentinel scans the head commit itself).
    """
    if not history:
        return
    yield None, (history[0],)
    group: list[Commit] = []
    base = history[0]
    for commit in history[1:]:
        if len(group) >= size or any(c.package == commit.package for c in group):
            yield base, tuple(group)
            base = group[-1]
            group = []
        group.append(commit)
    if group:
        yield base, tuple(group)


def false_alarms(
    repo: Path,
    history: Sequence[Commit],
    *,
    size: int,
    config: Path,
    rules: Path | None,
    budget: float = 0.0,
    skip: frozenset[str] = frozenset(),
    shard: tuple[int, int] = (0, 1),
    start: tuple[Sequence[Hit], Sequence[Commit]] = ((), ()),
    progress: Callable[[Sequence[Hit], Sequence[Commit]], None] | None = None,
) -> tuple[list[Hit], tuple[Commit, ...]]:
    """Findings on the commits of `history`, and the commits actually scanned.

    With a time `budget` (seconds), no new range starts once it is spent: the figures are
    then over the commits scanned. Commits in `skip` are left out (their range is split).
    `start` holds the findings and commits of an earlier, interrupted run: those commits
    are not scanned again. `progress` is called with everything so far after each range,
    so an interrupted run loses at most one range.
    """
    hits: list[Hit] = list(start[0])
    scanned: list[Commit] = list(start[1])
    skip = skip | {c.sha for c in scanned}
    # Shard k of n takes every n-th range, so parallel shards stopped by the same budget
    # cover the same stretch of history.
    groups = [g for i, g in enumerate(ranges(history, size)) if i % shard[1] == shard[0]]
    started = time.monotonic()
    for number, (base, group) in enumerate(groups, 1):
        if budget and time.monotonic() - started > budget:
            log.warning("time budget spent after %d of %d ranges", number - 1, len(groups))
            break
        if any(c.sha in skip for c in group):
            kept = tuple(c for c in group if c.sha not in skip)
            # a skipped commit inside a range: scan the kept ones one by one, each on its parent
            for commit in kept:
                hits.extend(scan(repo, commit.sha + "^", commit.sha, config=config, rules=rules))
            scanned.extend(kept)
            if kept and progress is not None:
                progress(hits, scanned)
            continue
        found = scan(repo, base.sha if base else None, group[-1].sha, config=config, rules=rules)
        hits.extend(found)
        scanned.extend(group)
        if progress is not None:
            progress(hits, scanned)
        elapsed = time.monotonic() - started
        log.info("range %d/%d (%d commits, %s..%s): %d findings; %.0f s so far", number, len(groups),
                 len(group), group[0].subject, group[-1].subject, len(found), elapsed)  # fmt: skip
    return hits, tuple(scanned)


def first_imports(history: Sequence[Commit]) -> frozenset[str]:
    """Commits that add a package whole (its first release), not a release-to-release diff."""
    seen: set[str] = set()
    out = set()
    for commit in history:
        if commit.package not in seen:
            seen.add(commit.package)
            out.add(commit.sha)
    return frozenset(out)


def benign_report(
    hits: Sequence[Hit],
    history: Sequence[Commit],
    *,
    top: int,
    imports: frozenset[str],
    coverage: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """Print the per-1,000-commit figures; return whether the goals hold.

    `coverage` (from merged runs): the commits each rule of the pack ran on. A rule's own
    rate is then over its commits, and rules that missed some commits are listed.
    """
    n = len(history)
    per_k = 1000.0 / n
    shas = frozenset(c.sha for c in history)
    ran = {r: len(c & shas) for r, c in (coverage or {}).items()}
    subjects = {c.sha: c.subject for c in history}
    imports = imports & {c.sha for c in history}
    print(f"\n== False alarms: {n} benign commits ({len(imports)} of them first imports of a package)")
    by_sev = Counter(h.severity for h in hits)
    print("findings per 1,000 commits, by severity:")
    for sev in SEVERITIES:
        print(f"  {sev:9s} {by_sev[sev] * per_k:8.2f}   ({by_sev[sev]} findings)")
    blocking = [h for h in hits if RANK[h.severity] >= RANK["high"]]
    overall = len(blocking) * per_k
    diffs_only = [h for h in blocking if h.commit not in imports]
    n_diffs = max(1, n - len(imports))
    print(f"  high+     {overall:8.2f}   overall (goal <= {GOAL_OVERALL})")
    print(f"  high+     {len(diffs_only) * 1000.0 / n_diffs:8.2f}   release-to-release diffs only")
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    for h in hits:
        rules[h.rule][h.severity] += 1
    print("per rule (findings per 1,000 commits; high+ first):")
    order = sorted(
        rules, key=lambda r: (-sum(rules[r][s] for s in ("critical", "high")), -sum(rules[r].values()))
    )
    worst: list[str] = []
    for rule in order:
        counts = rules[rule]
        high = counts["critical"] + counts["high"]
        rule_k = 1000.0 / ran[rule] if ran.get(rule) else per_k
        flag = f"  (ran on {ran[rule]} commits)" if ran.get(rule, n) < n else ""
        if high * rule_k > GOAL_PER_RULE:
            flag += "  <-- above goal"
            worst.append(rule)
        detail = ", ".join(f"{s} {counts[s]}" for s in SEVERITIES if counts[s])
        print(
            f"  {rule:45s} high+ {high * rule_k:7.2f}  all {sum(counts.values()) * rule_k:7.2f}"
            f"  ({detail}){flag}"
        )
    short = sorted((k, r) for r, k in ran.items() if k < n)
    if coverage is not None:
        print(f"rule coverage: {len(ran) - len(short)} of {len(ran)} rules ran on all {n} commits")
        for k, rule in short:
            print(f"  {rule:45s} ran on {k} commits only")
    print(f"top {top} high+ findings (rule, path:line, commit, snippet):")
    shown = sorted(blocking, key=lambda h: (order.index(h.rule), h.path))
    for h in _spread(shown, top):
        where = subjects.get(h.commit or "", "?")
        print(f"  [{h.severity}] {h.rule}  {h.path}:{h.line}  ({where})\n      {h.snippet[:200]}")
    ok = overall <= GOAL_OVERALL and not worst
    per_rule = "met" if not worst else "NOT met: " + ", ".join(worst)
    print(f"goal overall <= {GOAL_OVERALL}: {'met' if overall <= GOAL_OVERALL else 'NOT met'}; "
          f"goal per rule <= {GOAL_PER_RULE}: {per_rule}")  # fmt: skip
    return ok


def _spread(hits: Sequence[Hit], top: int) -> list[Hit]:
    """Up to `top` findings, at most three per rule first, so every noisy rule gets examples."""
    first: list[Hit] = []
    seen: Counter[str] = Counter()
    for h in hits:
        if seen[h.rule] < 3:
            first.append(h)
            seen[h.rule] += 1
    rest = [h for h in hits if h not in first]
    return (first + rest)[:top]


def rule_ids(root: Path) -> frozenset[str]:
    """Ids of the Semgrep rules and Python checks under a rules root (or a Semgrep rule folder)."""
    folder = root / "semgrep" if (root / "semgrep").is_dir() else root
    ids: set[str] = set()
    for path in sorted(folder.rglob("*.y*ml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ids.update(str(r["id"]) for r in doc.get("rules", ()) if isinstance(r, dict) and "id" in r)
    checks = root / "checks.yaml"
    if checks.is_file():
        ids.update(
            str(k) for k in (yaml.safe_load(checks.read_text(encoding="utf-8")) or {}).get("checks", {})
        )
    return frozenset(ids)


def rules_version() -> str:
    """The checkout's commit, with '+dirty' when rules/ has uncommitted changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "rules"], cwd=ROOT, capture_output=True, text=True
    )
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def save(
    path: Path,
    hits: Sequence[Hit],
    scanned: Sequence[Commit],
    *,
    rules: Iterable[str] = (),
    version: str = "",
) -> None:
    """Write a run to `path` atomically (a crash mid-write keeps the previous save)."""
    data = {
        "rules_version": version,
        "rules": sorted(rules),  # the rule ids this run scanned with; --merge lets it override
        "scanned": [c.sha for c in scanned],
        "subjects": {c.sha: c.subject for c in scanned},
        "hits": [{f: getattr(h, f) for f in Hit.__dataclass_fields__} for h in hits],
    }
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(data, indent=1), encoding="utf-8")
    partial.replace(path)


def load_saved(
    paths: Sequence[Path], history: Sequence[Commit], *, pack: frozenset[str] | None = None
) -> tuple[list[Hit], tuple[Commit, ...]]:
    """Findings and scanned commits of saved runs, merged in the order given.

    A later run overrides the earlier ones for the rules it scanned with, on the commits it
    scanned: a re-scan of only the rules changed since a full run (`--rules` holding just
    those) replaces their old findings and keeps every other rule's. Findings of rules no
    longer in `pack` (deleted or renamed since) are dropped.
    """
    hits: list[Hit] = []
    subjects = {c.sha: c.subject for c in history}
    scanned: dict[str, Commit] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        saved = data.get("subjects", {})
        covered = frozenset(data.get("rules", ()))
        commits_here = frozenset(data["scanned"])
        if covered:
            hits = [h for h in hits if not (h.rule in covered and h.commit in commits_here)]
        # A rebuilt corpus (more releases downloaded since) has other shas: keep the saved ones.
        for sha in data["scanned"]:
            scanned.setdefault(sha, Commit(sha=sha, subject=saved.get(sha) or subjects.get(sha, "? ? ?")))
        hits.extend(Hit(**h) for h in data["hits"])
        log.warning("merged %s: %d commits, %d findings, rules %s (%d ids)", path, len(commits_here),
                    len(data["hits"]), data.get("rules_version") or "?", len(covered))  # fmt: skip
    if pack is not None:
        gone = Counter(h.rule for h in hits if h.rule not in pack)
        if gone:
            log.warning("dropped findings of rules no longer in the pack: %s", dict(gone))
        hits = [h for h in hits if h.rule in pack]
    order = {c.sha: i for i, c in enumerate(history)}
    ordered = sorted(scanned.values(), key=lambda c: order.get(c.sha, len(order)))
    return hits, tuple(ordered)


def rule_coverage(paths: Sequence[Path], pack: frozenset[str]) -> dict[str, frozenset[str]]:
    """For each rule of `pack`, the commits the saved runs scanned it on.

    A run that did not record its rule ids (saved before they were) counts for the whole pack.
    """
    cover: dict[str, set[str]] = {rule: set() for rule in pack}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        ran = frozenset(data.get("rules", ())) or pack
        for rule in ran & pack:
            cover[rule].update(data["scanned"])
    return {rule: frozenset(shas) for rule, shas in cover.items()}


# --- recall on reproduced incidents -------------------------------------------------------


def load_incidents(folder: Path = INCIDENTS) -> tuple[Incident, ...]:
    out = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        expected = yaml.safe_load((path / "expected.yaml").read_text(encoding="utf-8"))
        files = tuple(
            str(f.relative_to(path))
            for f in sorted(path.rglob("*"))
            if f.is_file() and f.name != "expected.yaml"
        )
        out.append(Incident(id=path.name, category=str(expected["category"]),
                            min_severity=str(expected["min_severity"]), files=files))  # fmt: skip
    return tuple(out)


def incident_repo(incidents: Sequence[Incident], dest: Path, folder: Path = INCIDENTS) -> tuple[str, str]:
    """A repository with a clean base commit, then one commit per incident; (base, head)."""
    env: dict[str, str] = {}
    for who in ("AUTHOR", "COMMITTER"):
        env |= {f"GIT_{who}_NAME": "dev", f"GIT_{who}_EMAIL": "dev@corp.example",
                f"GIT_{who}_DATE": "1704067200 +0000"}  # fmt: skip
    dest.mkdir(parents=True, exist_ok=True)
    corpus.git(dest, "init", "--quiet", "--initial-branch=main")
    (dest / "README.md").write_text("A clean project.\n", encoding="utf-8")
    corpus.git(dest, "add", "README.md")
    corpus.git(dest, "commit", "--quiet", "-m", "clean base", env=env)
    base = corpus.git(dest, "rev-parse", "HEAD").strip()
    for incident in incidents:
        for rel in incident.files:
            target = dest / incident.id / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(folder / incident.id / rel, target)
        corpus.git(dest, "add", "--all", "--force", "--", incident.id)
        corpus.git(dest, "commit", "--quiet", "-m", f"incident {incident.id}", env=env)
    return base, corpus.git(dest, "rev-parse", "HEAD").strip()


def judge(incidents: Sequence[Incident], hits: Sequence[Hit]) -> tuple[Verdict, ...]:
    verdicts = []
    for incident in incidents:
        mine = [h for h in hits if h.path.startswith(incident.id + "/")]
        best = max(mine, key=lambda h: RANK[h.severity], default=None)
        caught = best is not None and RANK[best.severity] >= RANK[incident.min_severity]
        verdicts.append(Verdict(incident=incident, caught=caught, best=best))
    return tuple(verdicts)


def recall(*, config: Path, rules: Path | None, scratch: Path) -> tuple[Verdict, ...]:
    incidents = load_incidents()
    base, head = incident_repo(incidents, scratch / "incidents")
    return judge(incidents, scan(scratch / "incidents", base, head, config=config, rules=rules))


def recall_report(verdicts: Sequence[Verdict]) -> bool:
    caught = [v for v in verdicts if v.caught]
    share = len(caught) / len(verdicts) if verdicts else 0.0
    print(f"\n== Recall: {len(caught)}/{len(verdicts)} incidents caught at their minimum severity "
          f"({share:.0%}; goal >= {GOAL_RECALL:.0%})")  # fmt: skip
    for v in verdicts:
        best = f"{v.best.severity} {v.best.rule}" if v.best else "no finding"
        print(
            f"  {'caught' if v.caught else 'MISSED'}  {v.incident.id:40s}"
            f" {v.incident.category:17s} best: {best}"
        )
    return share >= GOAL_RECALL


# --- main ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit-commits", type=int, default=0, help="scan only the first N commits (0: all)")
    parser.add_argument(
        "--rules", type=Path, help="rules root (with semgrep/ and checks.yaml); default: bundled"
    )
    parser.add_argument(
        "--range-size", type=int, default=13, help="commits per scanned range (1: one scan each)"
    )
    parser.add_argument("--top", type=int, default=30, help="high+ findings to show")
    parser.add_argument("--jobs", type=int, default=3, help="parallel sdist downloads")
    parser.add_argument("--cached-only", action="store_true", help="use only releases already downloaded")
    parser.add_argument("--time-budget", type=float, default=0.0, help="stop starting ranges after N s")
    parser.add_argument(
        "--skip-imports", action="store_true", help="leave out each package's first (whole-package) commit"
    )
    parser.add_argument("--shard", default="0/1", help="K/N: scan every N-th range from the K-th (0-based)")
    parser.add_argument(
        "--save", type=Path, help="write the scanned commits and findings to FILE (JSON) after every range"
    )
    parser.add_argument(
        "--resume", action="store_true", help="with --save: keep FILE's commits and findings, scan the rest"
    )
    parser.add_argument(
        "--merge", type=Path, nargs="+", help="report on saved runs instead of scanning (later ones override)"
    )
    parser.add_argument(
        "--only-commits-in",
        type=Path,
        nargs="+",
        metavar="SAVED",
        help="scan (or with --merge, report on) only the commits saved runs scanned",
    )
    parser.add_argument(
        "--skip-commits-in",
        type=Path,
        nargs="+",
        metavar="SAVED",
        help="leave out the commits saved runs scanned",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--recall-only", action="store_true")
    what.add_argument("--benign-only", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s"
    )
    rules = args.rules.resolve() if args.rules else None
    cache = Path(os.environ.get("SENTINEL_BENCH_CACHE", Path.home() / ".cache" / "sentinel-bench"))
    goals = True
    with tempfile.TemporaryDirectory(prefix="sentinel-false-alarms-") as tmp:
        scratch = Path(tmp)
        config = write_config(scratch)
        # A snapshot: rule authors may edit rules/ while a long run is going.
        rules = Path(shutil.copytree(rules or ROOT / "rules", scratch / "rules"))
        if not args.recall_only:
            built = corpus.build_tolerant(
                cache,
                corpus.BENIGN_RELEASES,
                name="benign",
                jobs=args.jobs,
                fetch_missing=not args.cached_only,
            )
            failed = ", ".join(r.subject for r in built.failed)
            print(f"corpus: {len(built.committed)} releases committed,"
                  f" {len(built.failed)} could not be fetched {failed}")  # fmt: skip
            history = commits(built.repo)
            if args.limit_commits:
                history = history[: args.limit_commits]
            started = time.monotonic()
            imports = first_imports(history)
            skip = imports if args.skip_imports else frozenset()
            # Re-scan changed rules on exactly the commits of an earlier run, or carry on with new
            # rules past them. Whole ranges stay whole (ranges do not depend on these sets).
            if args.only_commits_in:
                keep = frozenset(c.sha for c in load_saved(args.only_commits_in, history)[1])
                skip |= frozenset(c.sha for c in history if c.sha not in keep)
            if args.skip_commits_in:
                skip |= frozenset(c.sha for c in load_saved(args.skip_commits_in, history)[1])
            pack = rule_ids(rules)
            coverage = None
            if args.merge:
                hits, scanned = load_saved(args.merge, history, pack=pack)
                coverage = rule_coverage(args.merge, pack)
                if args.only_commits_in:  # report on these commits only (e.g. those a re-scan reached)
                    scanned = tuple(c for c in scanned if c.sha not in skip)
                    kept = {c.sha for c in scanned}
                    hits = [h for h in hits if h.commit in kept]
            else:
                k, n = (int(x) for x in args.shard.split("/"))
                version = rules_version() if args.rules is None else str(args.rules)
                earlier: tuple[Sequence[Hit], Sequence[Commit]] = ((), ())
                if args.resume and args.save and args.save.is_file():
                    earlier = load_saved([args.save], history)
                    print(f"resuming: {len(earlier[1])} commits already scanned in {args.save}")
                save_path = args.save

                def progress(found: Sequence[Hit], done: Sequence[Commit]) -> None:
                    if save_path is not None:
                        save(save_path, found, done, rules=pack, version=version)

                hits, scanned = false_alarms(
                    built.repo, history, size=max(1, args.range_size), config=config,
                    rules=rules, budget=args.time_budget, skip=skip, shard=(k, n),
                    start=earlier, progress=progress,
                )  # fmt: skip
                took = time.monotonic() - started
                print(f"scanned {len(scanned)} of {len(history)} commits in {took:.0f} s"
                      + (f" ({len(skip)} left out)" if skip else ""))  # fmt: skip
                progress(hits, scanned)
            history = scanned
            goals &= benign_report(hits, history, top=args.top, imports=imports, coverage=coverage)
        if not args.benign_only:
            goals &= recall_report(recall(config=config, rules=rules, scratch=scratch))
    print(f"\nall goals {'met' if goals else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
