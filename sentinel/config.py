"""YAML -> frozen Config.

Precedence: command line > SENTINEL_* environment > file > defaults. Each
section is a frozen dataclass; its field names are the YAML keys, its field
types say what values are accepted. Unknown keys are named in a warning; bad
values raise ConfigError (exit 2). config/sentinel.yaml documents every key.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from sentinel import yamlfile
from sentinel.errors import ConfigError
from sentinel.model import Role, Severity

log = logging.getLogger(__name__)

REPO_CONFIG_NAME = ".sentinel.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanConfig:
    fail_on: Severity = Severity.HIGH
    # Files larger than this are skipped (and reported as skipped), never read whole.
    max_file_bytes: int = 1_000_000
    # Globs (fnmatch, matched against repo-relative paths) never scanned.
    exclude: tuple[str, ...] = ()
    semgrep_timeout: float = 30.0
    # One worker: on small changes more workers cost CPU and save no time (bench/scan.py).
    semgrep_jobs: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class WeightsConfig:
    """Severity levels added to findings by the author's role."""

    employee: int = 0
    contractor: int = 1
    unknown: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class AgentConfig:
    """The endpoint agent (`sentinel agent`); see config/sentinel.yaml."""

    # Trees to watch (paths or globs, expanded at start and on SIGHUP).
    watch: tuple[str, ...] = ()
    # The account that owns this host: attribution when audit cannot say who.
    account: str = ""
    host: str = ""  # empty: the machine's hostname
    # Repositories watched for commits, remotes and pushes (clones under `watch` count too).
    repos: tuple[str, ...] = ()
    # Globs (fnmatch, against absolute paths) whose file activity is not recorded.
    ignore: tuple[str, ...] = ()
    activity: Path | None = None  # None: the bundled rules/activity.yaml
    state_dir: Path = Path("/var/lib/sentinel")
    queue_size: int = 100_000
    batch_size: int = 5_000
    batch_interval: float = 0.2
    heartbeat: float = 30.0
    poll_interval: float = 2.0
    retention_days: int = 30
    audit: str = "auto"  # auto (when root and available), on (fail without), off
    # Scan new commits in watched repositories with the rule pack (Semgrep, off the control loop).
    scan_commits: bool = True
    # Mount points under these roots (and network filesystems anywhere) are transfer destinations.
    mount_roots: tuple[str, ...] = ("/media", "/run/media", "/mnt")
    # Outbound connections to loopback count as leaving the host (for tests and demos;
    # normally loopback and the host's own networks are not egress).
    loopback_is_external: bool = False
    # Without audit, how often the process table is polled (shorter processes are missed).
    process_interval: float = 1.0
    # How often open sockets and network interfaces are sampled.
    network_interval: float = 2.0


# Globs (case-insensitive; `**/` spans directories, `*` stays within one) of paths
# where a contractor's change deserves a second reviewer, by category.
SENSITIVE_PATHS: dict[str, tuple[str, ...]] = {
    "authentication": (
        "**/auth/**", "**/authn/**", "**/auth.*", "**/*_auth.*", "**/*-auth.*", "**/*authenticat*",
        "**/*login*", "**/*oauth*", "**/*saml*", "**/*password*", "**/*credential*", "**/*session*",
    ),
    "cryptography": (
        "**/crypto/**", "**/*crypto*", "**/*cipher*", "**/*encrypt*", "**/*signing*", "**/*.pem",
        "**/*.key", "**/*keystore*", "**/*secret*",
    ),
    "ci-cd": (
        ".github/workflows/**", ".github/actions/**", ".gitlab-ci.yml", ".circleci/**", "**/Jenkinsfile",
        ".travis.yml", "azure-pipelines.yml", ".buildkite/**", ".drone.yml", "bitbucket-pipelines.yml",
        ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "action.yml", "action.yaml",
    ),
    "build-release": (
        "**/Makefile", "**/*.mk", "setup.py", "setup.cfg", "pyproject.toml", "**/package.json",
        "**/Dockerfile", "**/*.dockerfile", "**/build.gradle*", "**/pom.xml", "**/*.gemspec",
        "Cargo.toml", "go.mod", ".goreleaser.y*ml", "**/release/**", "**/releases/**", "**/*release*.sh",
        "**/*.spec", "**/debian/**",
    ),
    "infrastructure": (
        "**/*.tf", "**/*.tfvars", "**/terraform/**", "**/ansible/**", "**/helm/**", "**/charts/**",
        "**/k8s/**", "**/kubernetes/**", "**/cloudformation/**", "**/pulumi/**", "**/*.bicep",
    ),
    "access-control": (
        "**/*acl*", "**/*rbac*", "**/*permission*", "**/*polic*", "**/sudoers*", "**/iam/**",
        "**/*.rego", "**/authz/**", "**/*authoriz*",
    ),
    "codeowners": ("CODEOWNERS", "**/CODEOWNERS"),
}  # fmt: skip

# Machine-made files: large additions here are "generated" for the mass-change signal.
GENERATED_PATHS: tuple[str, ...] = (
    "**/*.min.js", "**/*.min.css", "**/*.map", "**/dist/**", "**/build/**", "**/vendor/**",
    "**/node_modules/**", "**/*_pb2.py", "**/*.pb.go", "**/*.generated.*", "**/*.lock",
    "**/package-lock.json", "**/yarn.lock", "**/go.sum",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvenanceConfig:
    """Thresholds of the commit-provenance signals (sentinel/repo/provenance/)."""

    enabled: bool = True
    # Baseline: commits before the scanned range, bounded both ways.
    history_commits: int = 2000
    history_days: int = 180
    # %G? makes git verify every signed commit (one gpg/ssh-keygen run each).
    verify_signatures: bool = True
    # Signature statuses (git's %G?) that satisfy require_signed.
    signature_ok: tuple[str, ...] = ("G", "U")
    # Timezone: one trip of up to travel_max_days per history window, after
    # at least travel_min_home_commits at home, is travel rather than a mismatch.
    travel_max_days: int = 14
    travel_allowance: int = 1
    travel_min_home_commits: int = 5
    # Offset changes the declared zone does not explain, tolerated per account.
    hopping_max_switches: int = 3
    # Off-hours pattern.
    off_hours_window_days: int = 30
    off_hours_min_commits: int = 10
    off_hours_min_share: float = 0.5
    off_hours_margin: float = 0.3
    off_hours_weekends: bool = False
    # Identity.
    trusted_committers: tuple[str, ...] = ("noreply@github.com",)
    common_author_names: tuple[str, ...] = (
        "root", "admin", "administrator", "user", "ubuntu", "git", "github", "gitlab", "jenkins",
        "ci", "build", "bot", "unknown", "dev", "developer",
    )  # fmt: skip
    # Dates.
    backdate_max_days: float = 30.0
    future_tolerance_hours: float = 2.0
    parent_skew_hours: float = 24.0
    # Sensitive paths.
    sensitive_roles: tuple[Role, ...] = (Role.CONTRACTOR,)
    sensitive_paths: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(SENSITIVE_PATHS))
    # Mass change: a commit above both the floor and mass_factor x the account's
    # 90th percentile (or above the floor alone with under mass_min_history commits).
    mass_min_history: int = 10
    mass_factor: float = 5.0
    mass_deleted_lines: int = 2000
    mass_binary_files: int = 10
    mass_generated_lines: int = 10000
    generated_paths: tuple[str, ...] = GENERATED_PATHS


@dataclass(frozen=True, slots=True, kw_only=True)
class CentralConfig:
    """Forwarding this host's store to a central PostgreSQL (sentinel/store/forward.py)."""

    # postgresql://ROLE@HOST:PORT/DB[?schema=NAME]; no password here: it comes from
    # PGPASSWORD/PGPASSFILE or `credentials`. None: nothing is forwarded.
    url: str | None = None
    credentials: Path | None = None  # a file holding the password, mode 0600 (absolute path)
    batch_size: int = 1_000
    max_batches: int = 20  # per step, so one step never blocks the agent for long
    interval: float = 5.0  # seconds between rounds once caught up
    backoff_initial: float = 1.0
    # Capped at a minute: a fleet reconnects within about that of a restart, and
    # the jitter (x0.5..1) spreads it out.
    backoff_max: float = 60.0
    # Unsent rows kept per stream while the central store is down; beyond it the
    # oldest are given up and a coverage record says how many.
    spool_limit: int = 1_000_000
    forward_raw_events: bool = False  # alerts, findings and hourly rollups always go
    connect_timeout: float = 5.0
    migrate: bool = False  # create/upgrade the central schema (needs DDL rights)


@dataclass(frozen=True, slots=True, kw_only=True)
class SeverityPointsConfig:
    """Risk points one finding or alert of each severity is worth before decay and caps."""

    info: float = 0.0
    low: float = 1.0
    medium: float = 3.0
    high: float = 8.0
    critical: float = 15.0


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleWeightsConfig:
    """Multipliers of an account's risk score by role (contractors and unknown identities first)."""

    employee: float = 1.0
    contractor: float = 1.5
    unknown: float = 2.0


# Provenance rules that say something about who wrote a commit (headline "identity anomalies");
# sensitive-path and mass-change are about what was changed, not who.
IDENTITY_RULES: tuple[str, ...] = (
    "provenance.timezone-mismatch", "provenance.timezone-hopping", "provenance.off-hours-pattern",
    "provenance.unknown-identity", "provenance.new-identity", "provenance.shared-identity",
    "provenance.committer-mismatch", "provenance.unsigned-commit", "provenance.backdated",
    "provenance.future-dated", "provenance.after-end-date",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestConfig:
    """The weekly digest (`sentinel digest`); see sentinel/reporting/digest/scoring.py."""

    # Evidence links: {repo} (as stored), {repo_name} (last path part, no .git), {sha}.
    # Empty: commits are shown without links. Only http(s) links are ever emitted.
    commit_url: str = ""
    timezone: str = "UTC"  # where weeks start (Monday 00:00) for --week and the default week
    half_life_days: float = 7.0  # a signal's points halve every this many days
    lookback_days: int = 28  # older signals no longer count
    signal_cap: float = 25.0  # most points one signal (rule or detector) can add to one account
    caps: dict[str, float] = field(default_factory=dict)  # per-signal overrides of signal_cap
    repeat_cap: float = 3.0  # ... and at most this many times its strongest item's points
    points: SeverityPointsConfig = field(default_factory=SeverityPointsConfig)
    role_weights: RoleWeightsConfig = field(default_factory=RoleWeightsConfig)
    attention_score: float = 10.0  # accounts at or above this "need attention"
    max_accounts: int = 25  # accounts detailed in the report (all are in the JSON ranking)
    max_evidence: int = 20  # evidence items shown per account, most points first
    baseline_days: int = 28  # daily-activity baseline: the days before the week
    silent_hours: float = 24.0  # an agent host silent this long before the week's end is a gap
    silent_points: float = 8.0  # points a silent agent host adds to its account
    exfiltration_detectors: tuple[str, ...] = ("mass-copy-out", "unapproved-push")
    identity_rules: tuple[str, ...] = IDENTITY_RULES
    from_address: str = "sentinel@localhost"
    subject: str = "sentinel weekly digest {period}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    rules: Path | None = None  # None: the bundled rules/
    identities: Path | None = None
    store: str | None = None
    scan: ScanConfig = field(default_factory=ScanConfig)
    weights: WeightsConfig = field(default_factory=WeightsConfig)
    agent: AgentConfig = field(default_factory=AgentConfig)
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)
    central: CentralConfig = field(default_factory=CentralConfig)
    digest: DigestConfig = field(default_factory=DigestConfig)
    source: Path | None = None  # the file this came from, for messages


# Environment variables that override the file, as (variable, section, key).
_ENVIRONMENT = (
    ("SENTINEL_RULES", None, "rules"),
    ("SENTINEL_IDENTITIES", None, "identities"),
    ("SENTINEL_STORE", None, "store"),
    ("SENTINEL_CENTRAL", "central", "url"),
    ("SENTINEL_FAIL_ON", "scan", "fail_on"),
)


def load(path: Path | None, *, repo: Path | None = None, environ: Mapping[str, str] = os.environ) -> Config:
    """Load `path`, else the repo's .sentinel.yaml, else defaults; then apply the environment.

    Raises:
        ConfigError: naming the file, line and key of a bad value.
    """
    if path is None and repo is not None and (repo / REPO_CONFIG_NAME).is_file():
        path = repo / REPO_CONFIG_NAME
    data: dict[str, Any] = {}
    doc = None
    if path is not None:
        doc = yamlfile.load(path)
        if doc.data is not None and not isinstance(doc.data, dict):
            raise doc.error((), "the config file must be a mapping of sections")
        data = dict(doc.data or {})
    for variable, section, key in _ENVIRONMENT:
        if variable in environ:
            target = data.setdefault(section, {}) if section else data
            if isinstance(target, dict):
                target[key] = environ[variable]
    config: Config = _build(Config, data, doc, ())
    base = path.parent if path is not None else Path.cwd()
    return dataclasses.replace(
        config,
        rules=_relative(config.rules, base),
        identities=_relative(config.identities, base),
        source=path,
    )


def _relative(value: Path | None, base: Path) -> Path | None:
    # Paths in a config file are relative to that file, as in pre-commit's config.
    return None if value is None else (base / value.expanduser())


def _build(cls: type[Any], data: Any, doc: yamlfile.Located | None, keys: tuple[str | int, ...]) -> Any:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _error(doc, keys, "must be a mapping")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.name != "source"}
    unknown = sorted(str(k) for k in data if k not in names)
    if unknown:
        where = f"{doc.path}: " if doc else ""
        section = ".".join(map(str, keys)) or "top level"
        log.warning("%sunknown config key(s) in %s ignored: %s", where, section, ", ".join(unknown))
    values = {name: _convert(hints[name], data[name], doc, (*keys, name)) for name in names if name in data}
    return cls(**values)


def _convert(kind: Any, value: Any, doc: yamlfile.Located | None, keys: tuple[str | int, ...]) -> Any:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _convert(inner, value, doc, keys)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _build(kind, value, doc, keys)
    if origin is tuple:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            raise _error(doc, keys, "must be a list")
        return tuple(_convert(args[0], item, doc, (*keys, i)) for i, item in enumerate(items))
    if origin is dict:
        if not isinstance(value, dict):
            raise _error(doc, keys, "must be a mapping")
        return {str(k): _convert(args[1], v, doc, (*keys, str(k))) for k, v in value.items()}
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(str(value).lower())
        except ValueError:
            choices = ", ".join(str(m.value) for m in kind)
            raise _error(doc, keys, f"must be one of {choices}, not {value!r}") from None
    if kind is bool:
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "1", "yes", "false", "0", "no"):
            return str(value).lower() in ("true", "1", "yes")
        raise _error(doc, keys, f"must be true or false, not {value!r}")
    if kind in (int, float):
        if isinstance(value, bool):
            raise _error(doc, keys, f"must be a number, not {value!r}")
        try:
            number = kind(value)
        except (TypeError, ValueError):
            raise _error(doc, keys, f"must be a number, not {value!r}") from None
        if number < 0:
            raise _error(doc, keys, f"must not be negative, got {value!r}")
        return number
    if kind is Path:
        if not isinstance(value, str) or not value:
            raise _error(doc, keys, "must be a path")
        return Path(value)
    if kind is str:
        if not isinstance(value, str | int | float):
            raise _error(doc, keys, "must be a string")
        return str(value)
    raise TypeError(f"config type {kind!r} not handled")  # pragma: no cover (programming error)


def _error(doc: yamlfile.Located | None, keys: tuple[str | int, ...], problem: str) -> ConfigError:
    if doc is not None:
        return doc.error(keys, problem)
    return ConfigError(f"{'.'.join(map(str, keys))}: {problem} (from the environment)")
