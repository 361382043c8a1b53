"""Time `sentinel provenance` on a repository of 10,000 commits.

Builds the repository once with `git fast-import` (cached under --cache) from
a fixed seed: 20 accounts in six timezones, office hours, 1-3 files touched
per commit, a few binaries, one contractor committing from the wrong
continent. Then runs the real CLI (`python -m sentinel provenance --since
3650d`, so every commit is profiled) several times and prints the wall time.

    python bench/provenance.py [--commits 10000] [--runs 3] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
ZONES = (
    "Europe/Berlin",
    "America/New_York",
    "Asia/Tokyo",
    "Europe/London",
    "America/Los_Angeles",
    "Asia/Kolkata",
)


def accounts() -> list[dict[str, str]]:
    people = []
    for i in range(20):
        people.append(
            {
                "id": f"user{i:02d}",
                "name": f"User {i:02d}",
                "role": "contractor" if i % 3 == 0 else "employee",
                "email": f"user{i:02d}@corp.example",
                "timezone": ZONES[i % len(ZONES)],
            }
        )
    return people


def identities_yaml(people: list[dict[str, str]]) -> str:
    lines = ["accounts:"]
    for p in people:
        lines.append(
            f"  - {{id: {p['id']}, name: {p['name']}, role: {p['role']}, emails: [{p['email']}], "
            f'timezone: {p["timezone"]}, hours: "09:00-18:00", require_signed: false}}'
        )
    return "\n".join(lines) + "\n"


def build(path: Path, commits: int, now: datetime) -> None:
    """A repository of `commits` commits in one fast-import stream."""
    rng = random.Random(4)
    people = accounts()
    path.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    start = now - timedelta(days=366)
    step = timedelta(days=365) / commits
    # Each commit at a random office-hours time in its author's zone, then all in
    # time order, so committer dates rise along the branch as in a real history.
    planned = []
    for n in range(1, commits + 1):
        who = people[rng.randrange(len(people))]
        day = (start + n * step).astimezone(ZoneInfo(who["timezone"]))
        planned.append((day.replace(hour=rng.randint(9, 17), minute=rng.randint(0, 59)), who))
    planned.sort(key=lambda p: p[0])
    out: list[bytes] = []
    for n, (local, who) in enumerate(planned, start=1):
        offset = local.utcoffset() or timedelta(0)
        if who["id"] == "user03":  # claims its zone, commits from UTC+8
            offset = timedelta(hours=8)
        epoch = int(local.timestamp())
        sign = "-" if offset < timedelta(0) else "+"
        minutes = abs(int(offset.total_seconds())) // 60
        stamp = f"{epoch} {sign}{minutes // 60:02d}{minutes % 60:02d}"
        ident = f"{who['name']} <{who['email']}> {stamp}"
        message = f"change {n}\n".encode()
        out.append(f"commit refs/heads/main\nmark :{n}\nauthor {ident}\ncommitter {ident}\n".encode())
        out.append(b"data %d\n%s" % (len(message), message))
        if n > 1:
            out.append(f"from :{n - 1}\n".encode())
        for _ in range(rng.randint(1, 3)):
            name = f"src/pkg{rng.randrange(40)}/mod{rng.randrange(200)}.py"
            body = "".join(
                f"value_{rng.randrange(10**6)} = {i}\n" for i in range(rng.randint(1, 40))
            ).encode()
            out.append(f"M 100644 inline {name}\n".encode() + b"data %d\n%s\n" % (len(body), body))
        if n % 997 == 0:
            blob = bytes(rng.randrange(256) for _ in range(512))
            out.append(
                f"M 100644 inline assets/blob{n}.bin\n".encode() + b"data %d\n%s\n" % (len(blob), blob)
            )
    subprocess.run(["git", "fast-import", "--quiet"], cwd=path, input=b"".join(out), check=True)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=path, check=True)
    (path.parent / "identities.yaml").write_text(identities_yaml(people), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--commits", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/sentinel-bench-provenance"))
    args = parser.parse_args()
    folder = args.cache / f"repo-v2-{args.commits}"
    repo = folder / "repo"
    # Dates are relative to the day the cache was built; --since 3650d keeps every commit in view.
    if not repo.exists():
        began = time.perf_counter()
        build(repo, args.commits, datetime.now(UTC).replace(microsecond=0))
        print(f"built {args.commits} commits in {time.perf_counter() - began:.1f} s at {repo}")
    command = [
        sys.executable, "-m", "sentinel", "-q", "provenance", "--repo", str(repo), "--since", "3650d",
        "--format", "json", "--identities", str(folder / "identities.yaml"),
    ]  # fmt: skip
    timings, cpu = [], []
    document: dict[str, object] = {}
    for _ in range(args.runs):
        # CPU time (sentinel plus its git child) says what the work costs when other
        # processes share the two cores; wall time is what a user waits.
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
        timings.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        document = json.loads(done.stdout)
    count = document["commits"]
    summary = document["summary"]
    assert isinstance(summary, dict)
    accounts, findings = summary["accounts"], summary["findings"]
    print(f"sentinel provenance: {count} commits, {accounts} accounts, {findings} findings")
    wall, best = statistics.median(timings), min(timings)
    print(
        f"wall time: median {wall:.2f} s, best {best:.2f} s over {args.runs} runs "
        f"(goal: under 10 s); CPU time: median {statistics.median(cpu):.2f} s; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
