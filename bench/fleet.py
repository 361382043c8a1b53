"""Fleet benchmark: agents forwarding to a central PostgreSQL through an outage.

    python bench/fleet.py                      # 50 agents, 1M events, 60 s outage
    python bench/fleet.py --outage 10 --events 200000   # a quick run

Starts a throwaway PostgreSQL server (or uses --dsn), migrates the central
schema, creates the agent group role and one login role per agent, then runs
N agent processes, each with its own local SQLite store and Forwarder:

1. bulk: every agent records its share of --events (plus alerts) locally, then
   all forward at once; reports throughput in rows/s and events represented/s.
2. outage: agents keep recording live events and stepping their forwarders;
   the server is stopped for --outage seconds and started again; reports how
   long the fleet took to catch up after the restart.
3. count: local totals of every agent against the central tables, per agent
   role: nothing lost, nothing duplicated.

--raw-events forwards the raw events too (the default is alerts + rollups).
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing as mp
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from bench.pgserver import TempPostgres
from sentinel.config import CentralConfig
from sentinel.model import Alert, Event, Role, Severity
from sentinel.store import access, outbox, urls
from sentinel.store.forward import Forwarder
from sentinel.store.postgres import PostgresStore
from sentinel.store.sqlite import SqliteStore

SCHEMA = "fleet"
KINDS = (("file", "read"), ("file", "write"), ("file", "create"), ("process", "exec"), ("network", "connect"))
START = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=8)


def role_of(n: int) -> str:
    return f"bench_agent_{n:03d}"


def make_events(rng: random.Random, host: str, count: int, start: datetime, span: float) -> list[Event]:
    events = []
    for i in range(count):
        kind, action = KINDS[rng.randrange(len(KINDS))]
        events.append(
            Event(
                ts=start + timedelta(seconds=span * i / max(count, 1)),
                host=host,
                account=f"{host}-user{rng.randrange(2)}",
                kind=kind,
                action=action,
                path=f"/srv/data/project-{rng.randrange(40)}/file-{rng.randrange(5000)}.csv"
                if kind == "file"
                else "",
                argv=("rsync", "-a", "/srv/data", "backup:") if kind == "process" else (),
                remote="198.51.100.7:22" if kind == "network" else "",
                bytes=rng.randrange(100_000),
                attributed_by="audit-auid",
            )
        )
    return events


def make_alert(host: str, end: datetime, n: int) -> Alert:
    return Alert(
        detector="bulk-read",
        severity=Severity.HIGH,
        account=f"{host}-user0",
        role=Role.CONTRACTOR,
        host=host,
        window_start=end - timedelta(minutes=5),
        window_end=end,
        message=f"bench alert {n}",
        attack="T1005",
        evidence=(f"/srv/data/project-{n % 40}",),
    )


def local_totals(store: SqliteStore) -> dict[str, int]:
    def one(sql: str) -> int:
        return int(store._read(sql)[0][0] or 0)

    return {
        "events": one("SELECT count(*) FROM events"),
        "alerts": one("SELECT count(*) FROM alerts"),
        "rollups": one("SELECT count(*) FROM rollups"),
        "rollup_events": one("SELECT sum(count) FROM rollups"),
        "coverage": one("SELECT count(*) FROM coverage"),
    }


def backlog(store: SqliteStore, streams: tuple[outbox.Stream, ...]) -> int:
    return sum(outbox.backlog(store, s) for s in streams)


def agent(n: int, args: dict[str, Any], root: str, central_dsn: str, ctl: dict[str, Any]) -> None:
    # Fifty agents each logging every failed retry would drown the figures.
    logging.getLogger("sentinel").setLevel(logging.ERROR)
    rng = random.Random(n)
    host = f"ws-{n:03d}"
    local = SqliteStore(Path(root) / f"{host}.db")
    url = central_dsn.replace("postgres@", f"{role_of(n)}@", 1) + f"?schema={SCHEMA}"
    settings = CentralConfig(
        url=url,
        batch_size=args["batch_size"],
        max_batches=1000,
        interval=1.0,
        backoff_initial=1.0,
        backoff_max=args["backoff_max"],
        forward_raw_events=args["raw_events"],
    )
    forwarder = Forwarder(local, settings, host=host, rng=rng.random)
    streams = outbox.DEFAULT_STREAMS + ((outbox.EVENTS,) if args["raw_events"] else ())
    report: dict[str, Any] = {"agent": n}

    # 1. Record this agent's share of the bulk events locally, then forward them all.
    share = args["events"] // args["agents"]
    started = time.perf_counter()
    for offset in range(0, share, 1000):
        # The bulk share is spread over 7 hours, so each agent has several hours of rollups.
        batch_start = START + timedelta(hours=7 * offset / share)
        batch = make_events(rng, host, min(1000, share - offset), batch_start, 7 * 3600 * 1000 / share)
        local.add_events(batch)
        if rng.random() < 0.8:
            local.add_alerts([make_alert(host, batch[-1].ts, offset)])
    ctl["recorded"].put(time.perf_counter() - started)
    ctl["go"].wait()
    sent = 0
    while True:
        sent += forwarder.step(datetime.now(UTC))
        if forwarder.status.failures == 0 and backlog(local, streams) == 0:
            break
    ctl["bulk"].put((time.time(), sent))

    # 2. Live recording while the central server goes away and comes back.
    ctl["live"].wait()
    live_batches = 0
    failed_seen = False
    reconnected_at = None
    while True:
        writing = not ctl["restarted"].is_set()
        if writing:
            now = datetime.now(UTC)
            local.add_events(make_events(rng, host, args["live_events"], now, 0.4))
            if live_batches % 10 == 0:
                local.add_alerts([make_alert(host, now, 10_000_000 + live_batches)])
            live_batches += 1
        forwarder.step(datetime.now(UTC))
        if forwarder.status.failures:
            failed_seen = True
        elif failed_seen and reconnected_at is None:
            reconnected_at = time.time()
        if not writing and forwarder.status.failures == 0 and backlog(local, streams) == 0:
            break
        time.sleep(0.25)
    report["caught_up"] = time.time()
    report["reconnected"] = reconnected_at
    report["saw_outage"] = failed_seen
    report["totals"] = local_totals(local)
    report["dropped"] = sum(d for _f, d in outbox.totals(local).values())
    forwarder.close()
    local.close()
    ctl["results"].put(report)


def central_totals(dsn: str) -> dict[str, dict[str, int]]:
    with psycopg.connect(dsn) as conn:
        per: dict[str, dict[str, int]] = {}
        for table in ("events", "alerts", "rollups", "coverage"):
            rows = conn.execute(
                f"SELECT submitted_by, count(*), count(DISTINCT uid) FROM {SCHEMA}.{table} GROUP BY 1"
            ).fetchall()
            for role, count, distinct in rows:
                per.setdefault(role, {})[table] = count
                per[role][f"{table}_distinct"] = distinct
        for role, total in conn.execute(f"SELECT submitted_by, sum(count) FROM {SCHEMA}.rollups GROUP BY 1"):
            per.setdefault(role, {})["rollup_events"] = int(total)
    return per


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--agents", type=int, default=50)
    parser.add_argument("--events", type=int, default=1_000_000, help="bulk events over all agents")
    parser.add_argument("--outage", type=float, default=60.0, help="seconds the server is down")
    parser.add_argument("--live-events", type=int, default=20, help="events per agent per live tick (0.25 s)")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument(
        "--backoff-max", type=float, default=CentralConfig().backoff_max, help="default: the config default"
    )
    parser.add_argument("--raw-events", action="store_true", help="forward raw events too")
    parser.add_argument("--no-fsync", action="store_true", help="run the throwaway server with fsync off")
    parser.add_argument("--json", type=Path, help="also write the figures to FILE")
    args = parser.parse_args()

    server = TempPostgres(fsync=not args.no_fsync)
    root = tempfile.mkdtemp(prefix="sentinel-fleet-")
    try:
        server.start()
        admin = PostgresStore(urls.parse(f"{server.dsn}?schema={SCHEMA}"))
        access.grant(admin)
        for n in range(args.agents):
            access.add_agent(admin, role_of(n))
        admin.close()

        ctx = mp.get_context("fork")
        ctl: dict[str, Any] = {name: ctx.Event() for name in ("go", "live", "restarted")}
        ctl |= {name: ctx.Queue() for name in ("recorded", "bulk", "results")}
        procs = [
            ctx.Process(target=agent, args=(n, vars(args), root, server.dsn, ctl)) for n in range(args.agents)
        ]
        t_record = time.time()
        for p in procs:
            p.start()
        # Agents record their bulk share locally (in parallel), then all forward at once.
        record_each = [ctl["recorded"].get(timeout=1800) for _ in procs]
        recorded_s = time.time() - t_record
        print(f"{args.events} events recorded locally in {recorded_s:.1f} s; forwarding", flush=True)
        t_go = time.time()
        ctl["go"].set()
        bulk = [ctl["bulk"].get(timeout=1800) for _ in procs]
        print(f"bulk forwarded in {max(b[0] for b in bulk) - t_go:.1f} s; live recording", flush=True)
        ctl["live"].set()
        time.sleep(5)
        print(f"stopping the central server for {args.outage:.0f} s", flush=True)
        t_stop = time.time()
        server.stop("fast")
        time.sleep(args.outage)
        server.start()
        t_restart = time.time()
        ctl["restarted"].set()
        print("central server restarted; waiting for the fleet to catch up", flush=True)
        results = [ctl["results"].get(timeout=1800) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        central = central_totals(server.dsn)
    finally:
        server.cleanup()
        shutil.rmtree(root, ignore_errors=True)

    times = {"t_go": t_go, "t_stop": t_stop, "t_restart": t_restart}
    figures = _figures(args, results, central, bulk=bulk, recorded_s=recorded_s, **times)
    figures["record_locally_events_per_s_per_agent"] = round(
        (args.events // args.agents) / (sum(record_each) / len(record_each))
    )
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if figures["lost"] == 0 and figures["duplicated"] == 0 else 1


def _figures(
    args: argparse.Namespace,
    results: list[dict[str, Any]],
    central: dict[str, dict[str, int]],
    *,
    bulk: list[tuple[float, int]],
    recorded_s: float,
    t_go: float,
    t_stop: float,
    t_restart: float,
) -> dict[str, Any]:
    lost = duplicated = 0
    local_sum: dict[str, int] = {}
    central_sum: dict[str, int] = {}
    for r in results:
        role = role_of(r["agent"])
        theirs = central.get(role, {})
        mine = r["totals"]
        keys = ("alerts", "rollups", "rollup_events", "coverage") + (("events",) if args.raw_events else ())
        for key in keys:
            local_sum[key] = local_sum.get(key, 0) + mine[key]
            central_sum[key] = central_sum.get(key, 0) + theirs.get(key, 0)
            lost += max(0, mine[key] - theirs.get(key, 0))
        for table in ("events", "alerts", "rollups", "coverage"):
            duplicated += theirs.get(table, 0) - theirs.get(f"{table}_distinct", 0)
    bulk_s = max(done for done, _rows in bulk) - t_go
    bulk_rows = sum(rows for _done, rows in bulk)
    reconnects = [r["reconnected"] - t_restart for r in results if r["reconnected"]]
    return {
        "agents": args.agents,
        "bulk_events": args.events,
        "raw_events_forwarded": args.raw_events,
        "record_locally_s": round(recorded_s, 1),
        "bulk_forward_s": round(bulk_s, 2),
        "bulk_rows_sent": bulk_rows,
        "bulk_rows_per_s": round(bulk_rows / bulk_s),
        "bulk_events_represented_per_s": round(args.events / bulk_s),
        "outage_s": round(t_restart - t_stop, 1),
        "agents_that_saw_the_outage": sum(bool(r["saw_outage"]) for r in results),
        "first_reconnect_after_restart_s": round(min(reconnects), 2) if reconnects else None,
        "last_reconnect_after_restart_s": round(max(reconnects), 2) if reconnects else None,
        "caught_up_after_restart_s": round(max(r["caught_up"] for r in results) - t_restart, 2),
        "backoff_max_s": args.backoff_max,
        "local_totals": local_sum,
        "central_totals": central_sum,
        "spool_dropped": sum(r["dropped"] for r in results),
        "lost": lost,
        "duplicated": duplicated,
    }


if __name__ == "__main__":
    raise SystemExit(main())
