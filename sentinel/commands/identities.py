"""`sentinel identities check FILE`: validate an identity directory before anything relies on it."""

from __future__ import annotations

import logging
from pathlib import Path

from sentinel import identities, output
from sentinel.errors import ExitCode
from sentinel.model import Role

log = logging.getLogger(__name__)


def check(*, path: Path) -> int:
    """Exit 0 when `path` loads; a broken file raises ConfigError (exit 2) naming file, line and key.

    Problems that do not stop loading but weaken the checks are logged as warnings.
    """
    directory = identities.load(path)
    for problem in identities.warnings(directory):
        log.warning("%s: %s", path, problem)
    roles = [a.role for a in directory.accounts]
    output.write(
        f"{path}: {len(roles)} accounts ({roles.count(Role.EMPLOYEE)} employees, "
        f"{roles.count(Role.CONTRACTOR)} contractors, "
        f"{sum(a.integrator for a in directory.accounts)} integrators): ok\n"
    )
    return ExitCode.CLEAN
