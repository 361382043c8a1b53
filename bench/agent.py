"""Endpoint agent benchmark: what watching a busy tree costs, and what the agent keeps.

    python bench/agent.py                  # 20,000 files, 3 rounds
    python bench/agent.py --files 5000 --rounds 1   # a quick run

In one run, on one real tree of --files files (100 per directory):

1. overhead: `cp -r` of the tree and a read of every file, timed without the
   agent and with it (rounds alternate, medians reported), as a ratio. When
   `inotifywait` (inotify-tools) is on PATH, the same operations are also timed
   under a bare inotify watcher on the same tree with the agent's event mask
   (`inotifywait -m -r`, output to /dev/null): the kernel's own cost of
   reporting every event to a consumer that does nothing with them, which no
   inotify-based agent can go below. Both ratios are printed.
2. persistence: every file event the agent stored for those operations,
   counted per action and path against what the operations must produce (two
   reads per source file: cp's and the read pass's; a create and a write per
   copied file): missed and duplicated events, path by path, so one cannot
   hide the other; writes rebuilt by the new-directory rescan are counted
   among the stored and also on their own (coverage events say why).
   Events/s: read events handled per second during the read passes, and
   the writer's own capacity (store + all detectors, synthetic events).
3. resources: the peak RSS (VmHWM) and CPU seconds (user + system) of the
   last round's agent (the agent is restarted every round).
4. alert latency: a fresh account-owned burst of reads just over the bulk-read
   floor; the time from the last read to the alert being in the store.

The agent runs as a real subprocess (`python -m sentinel agent`) with the
bundled activity rules, audit off, and its store in a temporary directory.

    python bench/agent.py --outbound       # processes and connections instead

--outbound: 1,000 short-lived processes (`/bin/true <marker>`) and 1,000
outbound TCP connections (1 KiB each, to a sink on 127.0.0.1 with
`agent.loopback_is_external`) spread over --outbound-seconds (60), once with
audit (when root and available) and once with the psutil poller
(process_interval 1 s). Reported per mode: the agent's CPU seconds and peak
RSS over the run, and the fraction it recorded: exec events carrying a
marker, connect events and `sent` events (bytes at socket close) to the sink.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sentinel.store import open_store  # noqa: E402


def make_tree(root: Path, files: int, size: int) -> list[Path]:
    paths = []
    payload = b"x" * size
    for i in range(files):
        directory = root / f"d{i // 100:04}"
        if i % 100 == 0:
            directory.mkdir(parents=True)
        path = directory / f"f{i:06}.dat"
        path.write_bytes(payload)
        paths.append(path)
    return paths


def read_all(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        with open(path, "rb") as handle:
            handle.read()
    return time.perf_counter() - start


# What the agent's file source asks inotify for (watchdog builds this mask from its event filter).
FLOOR_EVENTS = "close_write,close_nowrite,create,moved_to,moved_from,delete,delete_self"


class BareWatcher:
    """`inotifywait -m -r` on the tree: the floor any inotify-based watcher pays."""

    def __init__(self, watch: Path) -> None:
        self.watch = watch
        self.proc: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("inotifywait") is not None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["inotifywait", "-m", "-r", "-e", FLOOR_EVENTS, str(self.watch)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert self.proc.stderr is not None
        said = []
        for line in self.proc.stderr:  # "Setting up watches..." then "Watches established."
            said.append(line.decode(errors="replace").strip())
            if b"established" in line:
                break
        else:  # it exited (watch limit, unreadable tree): no floor to measure against
            raise RuntimeError(f"inotifywait did not start: {' '.join(said)}")
        self.proc.stderr.close()

    def stop(self) -> None:
        assert self.proc is not None
        self.proc.terminate()
        self.proc.wait(30)


def copy_tree(src: Path, dst: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["cp", "-r", str(src), str(dst)], check=True)
    return time.perf_counter() - start


class Agent:
    def __init__(
        self,
        base: Path,
        watch: Path,
        state: Path | None = None,
        nice: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.base = base
        self.nice = nice
        self.state = state or base / "state"
        self.config = base / "sentinel.yaml"
        identities = base / "identities.yaml"
        identities.write_text("accounts:\n  - id: bench\n    role: contractor\n")
        self.config.write_text(
            json.dumps(
                {
                    "identities": str(identities),
                    "agent": {
                        "watch": [str(watch)],
                        "account": "bench",
                        "state_dir": str(self.state),
                        "audit": "off",
                        "scan_commits": False,
                        "heartbeat": 5,
                        **(extra or {}),
                    },
                }
            )
        )
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = base / "agent.log"

    def start(self) -> None:
        address = str(self.base / "notify.sock")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(address)
        sock.settimeout(60)
        with open(self.log, "ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sentinel", "agent", "--config", str(self.config)],
                stderr=err,
                env={**os.environ, "NOTIFY_SOCKET": address, "PYTHONPATH": str(ROOT)},
                preexec_fn=(lambda: os.nice(self.nice)) if self.nice else None,
            )
        while b"READY=1" not in sock.recv(4096):
            pass
        sock.close()
        os.unlink(address)

    def peak_rss_mb(self) -> float:
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def cpu_seconds(self) -> float:
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def stop(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(120)

    def store(self) -> Any:
        return open_store(f"sqlite://{self.state / 'sentinel.db'}", migrate=False)


def count_events(agent: Agent, since: datetime) -> tuple[Counter[str], list[Any], dict[str, Counter[str]]]:
    """File events per action, coverage events, and per action how many times each path was stored."""
    store = agent.store()
    try:
        counts: Counter[str] = Counter()
        coverage = []
        per_path: dict[str, Counter[str]] = {"read": Counter(), "create": Counter(), "write": Counter()}
        for event in store.events(since=since):
            if event.kind == "file":
                counts[event.action] += 1
                if event.action in per_path:
                    per_path[event.action][event.path] += 1
                if event.action == "write" and event.detail.startswith("reconstructed:"):
                    counts["write (reconstructed)"] += 1
            elif event.kind == "coverage" and event.action not in ("heartbeat", "agent-start", "agent-stop"):
                coverage.append(event)
        return counts, coverage, per_path
    finally:
        store.close()


def tally(expected: dict[str, Counter[str]], stored: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    """Per action: events expected, stored for those paths, missed and duplicated (path by path)."""
    result = {}
    for action, want in expected.items():
        got = stored.get(action, Counter())
        result[action] = {
            "expected": sum(want.values()),
            "stored": sum(got[p] for p in want),
            "missed": sum(max(n - got[p], 0) for p, n in want.items()),
            "duplicated": sum(max(got[p] - n, 0) for p, n in want.items()),
        }
    return result


def wait_stable(agent: Agent, since: datetime, expected: int, timeout: float = 120) -> float:
    """Wait until the stored file events reach `expected` or stop growing; return when."""
    deadline = time.monotonic() + timeout
    previous, still = -1, 0
    while time.monotonic() < deadline:
        counts = count_events(agent, since)[0]
        total = sum(n for action, n in counts.items() if action in ("read", "create", "write"))
        if total >= expected:
            return time.monotonic()
        still = still + 1 if total == previous else 0
        if still >= 10:  # 5 s without growth
            return time.monotonic()
        previous = total
        time.sleep(0.5)
    return time.monotonic()


def read_pass_rate(agent: Agent, starts: list[datetime], files: int) -> int:
    """Read events handled per second during the read passes (first to last event of each pass)."""
    store = agent.store()
    try:
        reads = sorted(e.ts for e in store.events(since=starts[0]) if e.kind == "file" and e.action == "read")
    finally:
        store.close()
    total, seconds = 0, 0.0
    for start in starts:
        window = [ts for ts in reads if ts >= start][:files]
        if window:
            total += len(window)
            seconds += (window[-1] - start).total_seconds()
    return round(total / seconds) if seconds else 0


def writer_capacity(base: Path, count: int) -> int:
    """Events/s through the agent's own writer: real SQLite store, all detectors, no sources."""
    from sentinel import resources
    from sentinel.detectors import activity, build
    from sentinel.detectors.base import Context
    from sentinel.endpoint.queue import EventQueue
    from sentinel.endpoint.writer import Writer
    from sentinel.model import Event

    logging.getLogger("sentinel").setLevel(logging.ERROR)  # its alerts are not the point here
    base.mkdir(parents=True)
    queue = EventQueue(count + 10)
    now = datetime.now(UTC)
    for i in range(count):
        queue.put(
            Event(ts=now, host="bench", account="bench", kind="file", action="read" if i % 3 else "write",
                  path=f"/data/d{i // 100}/f{i}.dat", bytes=2048, attributed_by="host-account")
        )  # fmt: skip
    rules = activity.load(resources.rules_dir() / "activity.yaml")
    writer = Writer(
        queue=queue,
        open_store=lambda: open_store(f"sqlite://{base / 'capacity.db'}"),
        detectors=build(Context(rules=rules)),
        batch_size=5000,
        batch_interval=0.2,
        spill_dir=base,
        coverage=lambda action, detail, n: Event(ts=now, host="bench", account="bench", kind="coverage",
                                                 action=action, detail=detail, bytes=n),
    )  # fmt: skip
    start = time.perf_counter()
    writer.start()
    writer.ready.wait()
    while len(queue):
        time.sleep(0.01)
    writer.stop()
    return round(writer.persisted / (time.perf_counter() - start))


def _sink() -> tuple[socket.socket, threading.Thread, threading.Event]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                while conn.recv(1 << 16):
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, thread, stop


def outbound(base: Path, *, audit: bool, count: int, seconds: float) -> dict[str, Any]:
    """One agent run while `count` processes and `count` connections happen in `seconds`."""
    base.mkdir(parents=True)
    watched = base / "watched"
    watched.mkdir()
    extra = {"audit": "on" if audit else "off", "loopback_is_external": True, "process_interval": 1.0}
    agent = Agent(base, watched, extra=extra)
    server, thread, stop = _sink()
    port = server.getsockname()[1]
    tag = f"sentinel-bench-{os.getpid()}-{int(time.time())}"
    agent.start()
    try:
        since = datetime.now(UTC) - timedelta(seconds=1)
        cpu_before = agent.cpu_seconds()
        start = time.monotonic()
        payload = b"x" * 1024
        for i in range(count):
            subprocess.run(["/bin/true", f"{tag}-{i}"], check=True)
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(payload)
            # Spread evenly over the run: a steady rate, not one burst.
            delay = start + seconds * (i + 1) / count - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        time.sleep(5)  # the poller's last round, the writer's batches
        cpu = agent.cpu_seconds() - cpu_before
        rss = agent.peak_rss_mb()
    finally:
        agent.stop()
        stop.set()
        thread.join(5)
        server.close()
    store = agent.store()
    try:
        events = list(store.events(since=since))
    finally:
        store.close()
    execs = {
        e.argv[1] for e in events if e.kind == "process" and len(e.argv) > 1 and e.argv[1].startswith(tag)
    }
    remote = f"127.0.0.1:{port}"
    connects = sum(1 for e in events if e.kind == "network" and e.action == "connect" and e.remote == remote)
    sent = [e for e in events if e.kind == "network" and e.action == "sent" and e.remote == remote]
    return {
        "mode": "audit" if audit else "polling",
        "processes": count,
        "connections": count,
        "seconds": seconds,
        "agent_cpu_seconds": round(cpu, 2),
        "agent_cpu_percent": round(100 * cpu / (seconds + 5), 1),
        "peak_rss_mb": round(rss, 1),
        "exec_recorded": round(len(execs) / count, 4),
        "connect_recorded": round(connects / count, 4),
        "sent_recorded": round(len(sent) / count, 4),
        # Within the network source's error bar (0..+1 byte, the FIN).
        "sent_bytes_within_1_byte": sum(1 for e in sent if 0 <= e.bytes - len(payload) <= 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--size", type=int, default=2048, help="bytes per file")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--state-dir", type=Path, help="parent of the agent's state directory (default: beside the tree)"
    )
    parser.add_argument(
        "--nice", type=int, default=0, help="the agent's niceness (the unit sets none: see why there)"
    )
    parser.add_argument("--outbound", action="store_true", help="processes and connections, not files")
    parser.add_argument("--outbound-count", type=int, default=1000)
    parser.add_argument("--outbound-seconds", type=float, default=60.0)
    args = parser.parse_args()

    if args.outbound:
        return main_outbound(args)
    base = Path(tempfile.mkdtemp(prefix="sentinel-bench-"))
    state: Path | None = None
    try:
        watched = base / "watched"
        src = watched / "src"
        paths = make_tree(src, args.files, args.size)
        copy_tree(src, base / "warm")  # page cache warm for both sides
        shutil.rmtree(base / "warm")

        state = Path(tempfile.mkdtemp(dir=args.state_dir)) if args.state_dir else None
        agent = Agent(base, watched, state, args.nice)
        plain: dict[str, list[float]] = {"cp": [], "read": []}
        floor: dict[str, list[float]] = {"cp": [], "read": []}
        bare = BareWatcher(watched) if BareWatcher.available() else None
        watched_times: dict[str, list[float]] = {"cp": [], "read": []}
        expected: dict[str, Counter[str]] = {"read": Counter(), "create": Counter(), "write": Counter()}
        agent_started = False
        first_op: datetime | None = None
        read_windows: list[datetime] = []
        for round_ in range(args.rounds):
            # Without the agent (it is started only after the first plain round).
            if agent_started:
                agent.stop()
                agent_started = False
            plain["cp"].append(copy_tree(src, watched / f"plain{round_}"))
            plain["read"].append(read_all(paths))
            shutil.rmtree(watched / f"plain{round_}")
            if bare is not None:
                bare.start()
                floor["cp"].append(copy_tree(src, watched / f"floor{round_}"))
                floor["read"].append(read_all(paths))
                bare.stop()
                shutil.rmtree(watched / f"floor{round_}")
            agent.start()
            agent_started = True
            first_op = first_op or datetime.now(UTC)
            watched_times["cp"].append(copy_tree(src, watched / f"copy{round_}"))
            read_start = datetime.now(UTC)
            watched_times["read"].append(read_all(paths))
            read_windows.append(read_start)
            for path in paths:
                copied = str(watched / f"copy{round_}" / path.relative_to(src))
                expected["read"][str(path)] += 2  # cp reads each source once; the read pass once more
                expected["create"][copied] += 1
                expected["write"][copied] += 1
            total = sum(sum(c.values()) for c in expected.values())
            wait_stable(agent, first_op - timedelta(seconds=1), total)
            shutil.rmtree(watched / f"copy{round_}")  # deletes: not counted in `expected`
        assert first_op is not None
        counts, coverage, per_path = count_events(agent, first_op - timedelta(seconds=1))
        events = tally(expected, per_path)
        unseen = sum(1 for p in expected["create"] if not per_path["create"][p] and not per_path["write"][p])
        rss = agent.peak_rss_mb()
        cpu = agent.cpu_seconds()
        read_rate = read_pass_rate(agent, read_windows, len(paths))

        # Alert latency: a fresh agent with its own empty store, then a burst just over the
        # bundled bulk-read floor for a contractor (300 distinct files). Not the same store:
        # a restarted agent seeds bulk-read from it, and its open window already holds the
        # rounds' reads (one burst, alerted then), so this burst would rightly raise nothing.
        agent.stop()
        burst = make_tree(watched / "burst", 400, 256)
        (base / "latency").mkdir()
        agent = Agent(base / "latency", watched / "burst", nice=args.nice)
        agent.start()
        time.sleep(0.5)
        read_all(burst)
        burst_end = time.monotonic()
        latency = None
        while time.monotonic() - burst_end < 30:
            store = agent.store()
            try:
                found = [a for a in store.alerts(since=first_op) if a.detector == "bulk-read"]
            finally:
                store.close()
            if any(a.window_start.year and a.evidence and "burst" in " ".join(a.evidence) for a in found):
                latency = time.monotonic() - burst_end
                break
            time.sleep(0.05)
        agent.stop()
        capacity = writer_capacity(base / "capacity", 100_000)

        figures = {
            "files": args.files,
            "rounds": args.rounds,
            "cp_seconds_without": statistics.median(plain["cp"]),
            "cp_seconds_with": statistics.median(watched_times["cp"]),
            "read_seconds_without": statistics.median(plain["read"]),
            "read_seconds_with": statistics.median(watched_times["read"]),
            "cp_seconds_bare_inotify": statistics.median(floor["cp"]) if floor["cp"] else None,
            "read_seconds_bare_inotify": statistics.median(floor["read"]) if floor["read"] else None,
            "events": events,
            "events_missed": sum(e["missed"] for e in events.values()),
            "events_duplicated": sum(e["duplicated"] for e in events.values()),
            "writes_reconstructed": counts["write (reconstructed)"],
            "copied_files_with_no_event": unseen,
            # action -> (coverage events, the counts they carry)
            "coverage": {
                a: (len(same), sum(e.bytes for e in same))
                for a in sorted({e.action for e in coverage})
                for same in [[e for e in coverage if e.action == a]]
            },
            "read_pass_events_per_second": read_rate,
            "writer_capacity_events_per_second": capacity,
            "agent_nice": args.nice,
            "load_average": os.getloadavg(),
            "peak_rss_mb": round(rss, 1),
            "cpu_seconds": round(cpu, 2),
            "alert_latency_seconds": None if latency is None else round(latency, 3),
        }
        figures["cp_overhead"] = round(figures["cp_seconds_with"] / figures["cp_seconds_without"], 3)
        figures["read_overhead"] = round(figures["read_seconds_with"] / figures["read_seconds_without"], 3)
        for op in ("cp", "read"):  # the bare watcher's own overhead, and the agent's above it
            bare_seconds = figures[f"{op}_seconds_bare_inotify"]
            figures[f"{op}_overhead_bare_inotify"] = (
                None if bare_seconds is None else round(bare_seconds / figures[f"{op}_seconds_without"], 3)
            )
            figures[f"{op}_overhead_over_bare"] = (
                None if bare_seconds is None else round(figures[f"{op}_seconds_with"] / bare_seconds, 3)
            )
        if args.json:
            print(json.dumps(figures, indent=2))
        else:
            for key, value in figures.items():
                print(f"{key:28} {value}")
        return 0
    finally:
        shutil.rmtree(base, ignore_errors=True)
        if state is not None:
            shutil.rmtree(state, ignore_errors=True)


def main_outbound(args: argparse.Namespace) -> int:
    from sentinel.endpoint.sources import audit

    base = Path(tempfile.mkdtemp(prefix="sentinel-bench-outbound-"))
    try:
        results = []
        reason = audit.unavailable_reason()
        if reason:
            print(f"audit mode skipped: {reason}", file=sys.stderr)
        else:
            results.append(outbound(base / "audit", audit=True, count=args.outbound_count,
                                    seconds=args.outbound_seconds))  # fmt: skip
        results.append(
            outbound(base / "polling", audit=False, count=args.outbound_count, seconds=args.outbound_seconds)
        )
        if args.json:
            print(json.dumps(results, indent=2))
        else:
            for result in results:
                print(" ".join(f"{k}={v}" for k, v in result.items()))
        return 0
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
