"""Time `sentinel digest` on a week of 1 million events, 5,000 alerts, 5,000 findings, 500 accounts.

Builds a SQLite store once (cached under --cache) from a fixed seed: 500
accounts (a third contractors) in eight timezones, each on its own host with
hourly heartbeats and office-hours file activity, some copying to USB or
pushing to unapproved remotes; 5,000 alerts and 5,000 findings (code and
provenance) spread over the week and the four before it; plus a lighter
baseline of the three weeks before (so the activity baseline is real).

Then runs the real CLI once per format (`python -m sentinel digest --week ...
--format F --output FILE`) and reports wall time, CPU time and the peak RSS
of that process (os.wait4, so it is the digest's own peak, not the harness's).

    python bench/digest.py [--events 1000000] [--accounts 500] [--runs 2] [--cache DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sentinel.model import Alert, CommitRef, Event, Finding, Role, Severity  # noqa: E402
from sentinel.store import ScanContext, open_store  # noqa: E402

WEEK = "2026-W47"
START = datetime(2026, 11, 16, tzinfo=UTC)
ZONES = (
    ("Europe/Berlin", 1), ("America/New_York", -5), ("Asia/Tokyo", 9), ("Europe/London", 0),
    ("America/Los_Angeles", -8), ("Asia/Kolkata", 5.5), ("Europe/Warsaw", 1), ("America/Sao_Paulo", -3),
)  # fmt: skip
DETECTORS = (
    ("bulk-read", Severity.MEDIUM, "T1005"), ("mass-copy-out", Severity.HIGH, "T1052.001"),
    ("unapproved-push", Severity.HIGH, "T1567.001"), ("staging", Severity.MEDIUM, "T1560"),
    ("off-hours-bulk", Severity.MEDIUM, "T1005"), ("coverage", Severity.MEDIUM, "T1562.001"),
)  # fmt: skip
RULES = (
    ("py-exec-remote", Severity.HIGH), ("sh-reverse-shell", Severity.CRITICAL),
    ("js-eval-dynamic", Severity.MEDIUM),
    ("provenance.timezone-mismatch", Severity.HIGH), ("provenance.sensitive-path", Severity.MEDIUM),
    ("provenance.unsigned-commit", Severity.LOW), ("provenance.off-hours-pattern", Severity.MEDIUM),
)  # fmt: skip


def people(n: int) -> list[tuple[str, Role, str, float]]:
    return [
        (f"user{i:03d}", Role.CONTRACTOR if i % 3 == 0 else Role.EMPLOYEE, *ZONES[i % len(ZONES)])
        for i in range(n)
    ]


def identities_yaml(accounts: list[tuple[str, Role, str, float]]) -> str:
    lines = ["accounts:"]
    for account, role, zone, _ in accounts:
        lines.append(
            f"  - {{id: {account}, name: User {account[4:]}, role: {role.value}, "
            f"emails: [{account}@corp.example], hosts: [ws-{account}], timezone: {zone}}}"
        )
    return "\n".join(lines) + "\n"


def events(
    accounts: list[tuple[str, Role, str, float]], total: int, start: datetime, rng: random.Random
) -> Iterator[list[Event]]:
    """`total` events over the 7 days from `start`, in time order, in batches."""
    hours = 7 * 24
    heartbeats = len(accounts) * hours
    per_hour_activity = max((total - heartbeats) // hours, 0)
    for hour in range(hours):
        ts = start + timedelta(hours=hour)
        batch = [
            Event(ts=ts, host=f"ws-{a}", account=a, kind="coverage", action="heartbeat") for a, *_ in accounts
        ]
        # Office hours in each account's zone get the activity.
        awake = [a for a in accounts if 8 <= (ts.hour + a[3]) % 24 < 19 and ts.weekday() < 5] or accounts
        for n in range(per_hour_activity):
            account = awake[rng.randrange(len(awake))][0]
            kind, action = ("file", "read") if n % 4 else ("file", "write")
            dest = ""
            if n % 97 == 0:
                kind, action, dest = "transfer", "create", "/media/usb"
            batch.append(
                Event(
                    ts=ts + timedelta(seconds=rng.randrange(3600)), host=f"ws-{account}", account=account,
                    kind=kind, action=action,
                    path=f"/home/{account}/src/pkg{rng.randrange(50)}/f{rng.randrange(400)}.py",
                    dest_path=dest, bytes=rng.randrange(100, 100_000), attributed_by="host-account",
                )
            )  # fmt: skip
        batch.sort(key=lambda e: e.ts)
        yield batch


def build(path: Path, args: argparse.Namespace) -> None:
    rng = random.Random(7)
    accounts = people(args.accounts)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    store = open_store(f"sqlite://{tmp}")
    began = time.perf_counter()
    count = 0
    for week in range(args.baseline_weeks, 0, -1):
        for batch in events(accounts, args.baseline_events, START - timedelta(weeks=week), rng):
            store.add_events(batch)
            count += len(batch)
    for batch in events(accounts, args.events, START, rng):
        store.add_events(batch)
        count += len(batch)
    print(f"  {count:,} events stored in {time.perf_counter() - began:.0f} s", flush=True)
    window = timedelta(days=35)  # alerts and findings over the week and the lookback before it
    first = START + timedelta(days=7) - window
    alerts = []
    for n in range(args.alerts):
        account, role, *_ = accounts[int(rng.paretovariate(1.2)) % len(accounts)]
        detector, severity, attack = DETECTORS[rng.randrange(len(DETECTORS))]
        end = first + timedelta(seconds=rng.randrange(int(window.total_seconds())))
        alerts.append(
            Alert(
                detector=detector, severity=severity, account=account, role=role, host=f"ws-{account}",
                window_start=end - timedelta(minutes=5), window_end=end,
                message=f"{detector} by {account} #{n}",
                attack=attack, evidence=(f"top dir: /home/{account}/src", "destination: /media/usb"),
            )
        )  # fmt: skip
    store.add_alerts(alerts)
    for batch_start in range(0, args.findings, 50):
        ts = first + timedelta(seconds=rng.randrange(int(window.total_seconds())))
        repository = f"https://git.example.com/team/repo{rng.randrange(40)}.git"
        context = ScanContext(repository=repository, base="a" * 40, head="b" * 40, pipeline="ci-1", ts=ts)
        batch = []
        for n in range(batch_start, min(batch_start + 50, args.findings)):
            account, role, _, offset = accounts[int(rng.paretovariate(1.2)) % len(accounts)]
            rule, severity = RULES[rng.randrange(len(RULES))]
            sha = hashlib.sha1(f"{n}".encode()).hexdigest()
            when = ts.astimezone(timezone(timedelta(hours=offset if n % 11 else 8)))
            batch.append(
                Finding(
                    rule_id=rule, severity=severity, message=f"{rule} in change {n}", path=f"src/m{n}.py",
                    line=n % 300 + 1, snippet=f"call_{n}()", account=account, role=role,
                    commit=CommitRef(sha=sha, author_name=account, author_email=f"{account}@corp.example",
                                     author_date=when),
                )
            )  # fmt: skip
        store.add_findings(batch, context=context)
    store.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.rename(path)
    (path.parent / "identities.yaml").write_text(identities_yaml(accounts), encoding="utf-8")
    (path.parent / "sentinel.yaml").write_text(
        'digest:\n  commit_url: "https://git.example.com/{repo}/commit/{sha}"\n', encoding="utf-8"
    )


def run(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of one command."""
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        assert process.stderr is not None
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the reported week")
    parser.add_argument("--baseline-weeks", type=int, default=3)
    parser.add_argument("--baseline-events", type=int, default=150_000, help="events per baseline week")
    parser.add_argument("--accounts", type=int, default=500)
    parser.add_argument("--alerts", type=int, default=5_000)
    parser.add_argument("--findings", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/sentinel-bench-digest"))
    args = parser.parse_args()
    key = "-".join(
        str(v) for v in ("v1", args.events, args.baseline_weeks, args.baseline_events, args.accounts,
                         args.alerts, args.findings)
    )  # fmt: skip
    folder = args.cache / key
    db = folder / "store.db"
    if not db.exists():
        print(f"building {db} (once) ...", flush=True)
        began = time.perf_counter()
        build(db, args)
        print(
            f"  built in {time.perf_counter() - began:.0f} s, {db.stat().st_size / 2**20:.0f} MiB", flush=True
        )
    print(
        f"store: {args.events:,} events in {WEEK} (+{args.baseline_weeks} baseline weeks of "
        f"{args.baseline_events:,}), {args.alerts:,} alerts, {args.findings:,} findings, "
        f"{args.accounts} accounts"
    )
    print(f"{'format':6} {'wall s (median)':>16} {'cpu s':>8} {'peak RSS MiB':>13} {'output KiB':>11}")
    for fmt in ("html", "md", "json"):
        out = folder / f"digest.{fmt}"
        command = [
            sys.executable, "-m", "sentinel", "-q", "digest", "--store", f"sqlite://{db}", "--week", WEEK,
            "--format", fmt, "--output", str(out), "--config", str(folder / "sentinel.yaml"),
            "--identities", str(folder / "identities.yaml"),
        ]  # fmt: skip
        results = [run(command) for _ in range(args.runs)]
        wall = statistics.median(r[0] for r in results)
        cpu = statistics.median(r[1] for r in results)
        rss = max(r[2] for r in results) / 1024
        print(f"{fmt:6} {wall:16.2f} {cpu:8.2f} {rss:13.0f} {out.stat().st_size / 1024:11.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
