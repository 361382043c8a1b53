"""Command line: argparse and dispatch to sentinel.commands, nothing else."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sentinel import __version__
from sentinel.error_handler import error_handler
from sentinel.model import Severity

FORMATS = ("text", "json", "sarif")
Handler = Callable[..., int]


def handler(module: str, function: str = "run") -> Handler:
    """A command entry point imported only when that command runs, so startup stays fast."""

    def call(**kwargs: object) -> int:
        entry: Handler = getattr(importlib.import_module(f"sentinel.commands.{module}"), function)
        return entry(**kwargs)

    return call


def _add_scan(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("scan", help="scan a git range, the index or a tree for backdoor patterns")
    p.set_defaults(handler=handler("scan"))
    p.add_argument("--repo", type=Path, default=Path("."), help="repository (default: current directory)")
    p.add_argument("--base", help="target branch or commit; lines added since the merge base are scanned")
    p.add_argument("--head", default="HEAD", help="the change to scan (default: HEAD)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--staged", action="store_true", help="scan the index (pre-commit)")
    what.add_argument("--all", dest="all_files", action="store_true", help="scan every file at --head")
    p.add_argument("--format", dest="fmt", choices=FORMATS, default="text")
    p.add_argument("--output", dest="output_path", type=Path, help="write results to FILE, not stdout")
    p.add_argument("--fail-on", type=Severity, choices=[s for s in Severity if s != Severity.INFO])
    p.add_argument("--exit-zero", action="store_true", help="advisory: exit 0 even with findings")
    p.add_argument("--baseline", type=Path, help="ignore findings whose fingerprints are in FILE")
    p.add_argument("--write-baseline", type=Path, help="write current findings' fingerprints to FILE")
    p.add_argument(
        "--store", help="also record the findings in this store (sqlite:///... or postgresql://...)"
    )
    _add_common(p)


def _add_hook(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("hook", help="git hooks: install one, or run as pre-push / pre-receive")
    p.set_defaults(handler=handler("hook"))
    hooks = p.add_subparsers(dest="hook", required=True)
    install = hooks.add_parser("install", help="write a pre-push hook into a repository")
    install.add_argument("--repo", type=Path, default=Path("."))
    install.add_argument("--force", action="store_true", help="replace a hook sentinel did not write")
    for name in ("pre-push", "pre-receive"):
        h = hooks.add_parser(name, help=f"run as git's {name} hook (reads its lines on stdin)")
        h.add_argument("--repo", type=Path, default=Path("."))
        h.add_argument("--fail-on", type=Severity, choices=[s for s in Severity if s != Severity.INFO])
        h.add_argument("args", nargs="*", help=argparse.SUPPRESS)
        _add_common(h)


def _add_agent(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("agent", help="run the endpoint agent in the foreground (systemd: Type=notify)")
    p.set_defaults(handler=handler("agent"))
    p.add_argument("--config", dest="config_path", type=Path, required=True, help="config file")


def _add_alerts(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("alerts", help="list the endpoint alerts in the store")
    p.set_defaults(handler=handler("alerts", "run_alerts"))
    p.add_argument("--since", default="7d", help="how far back (30m, 12h, 7d, 2w; default 7d)")
    p.add_argument("--account", help="only this account id")
    p.add_argument("--detector", help="only this detector id")
    p.add_argument("--min-severity", type=Severity, choices=list(Severity))
    p.add_argument("--format", dest="fmt", choices=("text", "json"), default="text")
    p.add_argument("--config", dest="config_path", type=Path, help="config file (for its store)")
    p.add_argument("--store", help="store URL (default: the config's, else the agent's SQLite file)")
    e = sub.add_parser("events", help="list the raw endpoint events in the store")
    e.set_defaults(handler=handler("alerts", "run_events"))
    e.add_argument("--since", default="1h", help="how far back (default 1h)")
    e.add_argument("--account", help="only this account id")
    e.add_argument("--kind", help="file, transfer, repo, mount, process, network, coverage")
    e.add_argument("--action", help="read, write, push, agent-stop, ...")
    e.add_argument("--limit", type=int, default=1000, help="at most this many (0: all; default 1000)")
    e.add_argument("--format", dest="fmt", choices=("text", "json"), default="text")
    e.add_argument("--config", dest="config_path", type=Path, help="config file (for its store)")
    e.add_argument("--store", help="store URL (default: the config's, else the agent's SQLite file)")


def _add_provenance(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("provenance", help="per-account profile of commit identities, offsets and hours")
    p.set_defaults(handler=handler("provenance"))
    p.add_argument("--repo", type=Path, default=Path("."), help="repository (default: current directory)")
    p.add_argument("--since", default="90d", help="commits authored within (12h, 90d, 2w; default 90d)")
    p.add_argument("--account", help="only this account id")
    p.add_argument("--format", dest="fmt", choices=("text", "json"), default="text")
    _add_common(p)
    i = sub.add_parser("identities", help="work with the identity directory")
    checks = i.add_subparsers(dest="identities_command", required=True)
    check = checks.add_parser("check", help="validate an identity file (errors name file, line and key)")
    check.set_defaults(handler=handler("identities", "check"))
    check.add_argument("path", type=Path, metavar="FILE")


def _add_digest(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("digest", help="the weekly risk digest (HTML, Markdown or JSON; optionally emailed)")
    p.set_defaults(handler=handler("digest"))
    p.add_argument("--store", help="store URL (default: the config's, else the agent's SQLite file)")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--since", help="the last N (e.g. 7d) instead of the last complete week")
    when.add_argument("--week", help="an ISO week, e.g. 2026-W48 (default: the last complete week)")
    p.add_argument("--format", dest="fmt", choices=("html", "md", "json"), default="html")
    p.add_argument("--output", dest="output_path", type=Path, help="write to FILE instead of stdout")
    p.add_argument("--email", action="append", metavar="TO", help="email it to TO (repeatable)")
    p.add_argument("--smtp", metavar="URL", help="smtp://HOST:PORT, smtp+starttls://... or smtps://...")
    _add_common(p)


def _add_fleet(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="write the store as Elastic Common Schema NDJSON")
    p.set_defaults(handler=handler("export"))
    p.add_argument("--since", default="7d", help="how far back (12h, 7d) or an ISO date (default 7d)")
    p.add_argument("--format", dest="fmt", choices=("ecs",), default="ecs")
    p.add_argument("--include", default="events,alerts,findings,coverage", help="record types to write")
    p.add_argument("--output", dest="output_path", type=Path, help="write to FILE (atomically), not stdout")
    p.add_argument("--config", dest="config_path", type=Path, help="config file (for its store)")
    p.add_argument("--store", help="store URL (default: the config's, else the agent's SQLite file)")
    f = sub.add_parser("forward", help="forward the local store to the central PostgreSQL (central.url)")
    f.set_defaults(handler=handler("forward"))
    f.add_argument("--config", dest="config_path", type=Path, required=True, help="config file")
    f.add_argument("--once", action="store_true", help="send the backlog, then exit")
    f.add_argument("--store", help="local store URL (default: the config's, else the agent's SQLite file)")
    c = sub.add_parser("central", help="set up a central PostgreSQL store (run as its owner)")
    actions = c.add_subparsers(dest="central_command", required=True)
    init = actions.add_parser("init", help="create/upgrade the schema; apply roles, grants and row policies")
    init.set_defaults(handler=handler("central", "init"))
    add = actions.add_parser("add-agent", help="create a host's login role in the agent group")
    add.set_defaults(handler=handler("central", "add_agent"))
    add.add_argument("login", help="the host's database role, e.g. agent_ws17")
    add.add_argument("--agent-password-file", type=Path, help="its password (mode 0600); else no password")
    for a in (init, add):
        a.add_argument("--url", required=True, help="postgresql://OWNER@HOST/DB[?schema=NAME]")
        a.add_argument("--password-file", type=Path, help="the owner's password (mode 0600); else PGPASSWORD")
        a.add_argument("--agent-role", default="sentinel_agent", help="group role of the agents")
    init.add_argument("--reader-role", default="sentinel_reader", help="group role of the analysts")


def _add_rules(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("rules", help="the rule catalogue: list it, or test every rule against its fixtures")
    actions = p.add_subparsers(dest="rules_command", required=True)
    listing = actions.add_parser("list", help="each rule's id, severity, category, languages, ATT&CK")
    listing.set_defaults(handler=handler("rules", "run_list"))
    listing.add_argument("--format", dest="fmt", choices=("text", "json"), default="text")
    test = actions.add_parser("test", help="metadata guard, semgrep --test, Python check tables")
    test.set_defaults(handler=handler("rules", "run_test"))
    test.add_argument("--fixtures", type=Path, help="rule fixtures (default: tests/rules/semgrep)")
    test.add_argument("--check-tables", type=Path, help="Python check tests (default: tests/repo/checks)")
    for a in (listing, test):
        a.add_argument("--rules", type=Path, help="rules root or Semgrep rule folder (default: the config's)")
        a.add_argument("--config", dest="config_path", type=Path, help="config file")


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", dest="config_path", type=Path, help="config file (default: .sentinel.yaml)")
    p.add_argument("--identities", dest="identities_path", type=Path, help="identity directory YAML")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sentinel",
        description="Insider-threat monitor: backdoor rules for commits, identity checks, an endpoint "
        "agent and a weekly risk digest.",
        epilog="Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or config error, "
        "3 unexpected error. 'sentinel COMMAND --help' for each command.",
    )
    parser.add_argument("--version", action="version", version=f"sentinel {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    parser.add_argument("-q", "--quiet", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_scan(sub)
    _add_hook(sub)
    _add_agent(sub)
    _add_alerts(sub)
    _add_provenance(sub)
    _add_fleet(sub)
    _add_digest(sub)
    _add_rules(sub)
    for child in sub.choices.values():
        # -v/-q are accepted after the subcommand too (`sentinel scan -q`).
        child.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS)
        child.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS)
    return parser


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("sentinel: %(levelname)s: %(message)s"))
    root = logging.getLogger("sentinel")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    args = vars(build_parser().parse_args(argv))
    _configure_logging(args.pop("verbose"), args.pop("quiet"))
    args.pop("command")
    args.pop("identities_command", None)  # `identities check` names its handler already
    args.pop("central_command", None)  # so do `central init` and `central add-agent`
    args.pop("rules_command", None)  # and `rules list` / `rules test`
    run: Handler = args.pop("handler")
    with error_handler():
        return run(**args)
