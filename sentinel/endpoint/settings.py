"""What the agent derives from a Config: identities, activity rules, paths, the store.

Resolved once at start and again on SIGHUP; every problem is a ConfigError
(exit 2) before anything is started.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from sentinel import detectors, identities, resources
from sentinel.config import Config
from sentinel.detectors import activity
from sentinel.detectors.base import Context
from sentinel.endpoint.sources import files
from sentinel.errors import ConfigError
from sentinel.identities import Directory


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything the agent derives from a Config, resolved once per (re)load."""

    config: Config
    directory: Directory
    rules: activity.ActivityRules
    host: str
    account: str
    watch: tuple[str, ...]
    repos: tuple[Path, ...]
    state_dir: Path
    store_url: str
    lock_path: Path


def resolve(config: Config) -> Settings:
    """Load identities and activity rules and fill defaults.

    Raises:
        ConfigError: a bad identities or activity file, or an unknown threshold.
    """
    agent = config.agent
    base = config.source.parent if config.source is not None else Path.cwd()
    directory = identities.load(config.identities) if config.identities else Directory.of(())
    rules = activity.load(
        _path(agent.activity, base) if agent.activity else resources.rules_dir() / "activity.yaml"
    )
    if agent.audit not in ("auto", "on", "off"):
        raise ConfigError(f"agent.audit must be auto, on or off, not {agent.audit!r}")
    if agent.queue_size < 1 or agent.batch_size < 1 or agent.heartbeat <= 0 or agent.poll_interval <= 0:
        raise ConfigError("agent.queue_size, batch_size, heartbeat and poll_interval must be positive")
    host = agent.host or socket.gethostname()
    account = agent.account or ""
    if account and directory.accounts and directory.by_id(account) is None:
        raise ConfigError(f"agent.account {account!r} is not in the identity directory {config.identities}")
    state_dir = _path(agent.state_dir, base)
    store_url = config.store or f"sqlite://{state_dir / 'sentinel.db'}"
    if store_url.startswith("sqlite://") or "://" not in store_url:
        db = Path(store_url.removeprefix("sqlite://"))
        lock_path = db.with_name(db.name + ".agent-lock")
    else:
        lock_path = state_dir / "agent.lock"
    detectors.validate(Context(rules=rules, directory=directory, weights=config.weights))
    return Settings(
        config=config,
        directory=directory,
        rules=rules,
        host=host,
        account=account,
        watch=files.expand(str(_path(Path(w), base)) if not os.path.isabs(w) else w for w in agent.watch),
        repos=tuple(_path(Path(r), base) for r in agent.repos),
        state_dir=state_dir,
        store_url=store_url,
        lock_path=lock_path,
    )


def _path(value: Path, base: Path) -> Path:
    value = value.expanduser()
    return value if value.is_absolute() else base / value
