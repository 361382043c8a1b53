"""`sentinel agent --config FILE`: the endpoint daemon, in the foreground."""

from __future__ import annotations

import logging
from pathlib import Path

from sentinel import config as config_module
from sentinel.endpoint import daemon
from sentinel.endpoint.settings import resolve

log = logging.getLogger(__name__)


def run(*, config_path: Path) -> int:
    """Run until SIGTERM/SIGINT; SIGHUP re-reads `config_path`.

    Raises:
        ConfigError: the config, identities or activity rules cannot be used (exit 2,
            so systemd's RestartPreventExitStatus stops a crash loop).
        AlreadyRunning: another agent holds this store's lock.
    """
    config = config_module.load(config_path)
    settings = resolve(config)
    agent = daemon.Agent(settings, reload=lambda: config_module.load(config_path))
    return agent.run()
