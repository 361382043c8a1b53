"""Endpoint detectors: a literal registry of factories, one module each.

Adding a detector = one module (saying which events it `consumes`) + one line
here + golden cases under tests/data/detectors/<id>/. The daemon builds fresh
instances per run.
"""

from __future__ import annotations

from collections.abc import Callable

from sentinel.detectors import (
    archive_then_send,
    bulk_read,
    clone_burst,
    coverage,
    egress_volume,
    mass_copy_out,
    off_hours_bulk,
    remote_access,
    staging,
    transfer_tool,
    unapproved_push,
)
from sentinel.detectors.base import Context, Detector

DETECTORS: dict[str, Callable[[Context], Detector]] = {
    bulk_read.ID: bulk_read.BulkRead,
    mass_copy_out.ID: mass_copy_out.MassCopyOut,
    staging.ID: staging.Staging,
    unapproved_push.ID: unapproved_push.UnapprovedPush,
    off_hours_bulk.ID: off_hours_bulk.OffHoursBulk,
    clone_burst.ID: clone_burst.CloneBurst,
    coverage.ID: coverage.Coverage,
    transfer_tool.ID: transfer_tool.TransferTool,
    archive_then_send.ID: archive_then_send.ArchiveThenSend,
    egress_volume.ID: egress_volume.EgressVolume,
    remote_access.ID: remote_access.RemoteAccess,
}

# Each detector's settings class, so rules can be validated before the daemon starts.
SETTINGS: dict[str, type] = {
    bulk_read.ID: bulk_read.Settings,
    mass_copy_out.ID: mass_copy_out.Settings,
    staging.ID: staging.Settings,
    unapproved_push.ID: unapproved_push.Settings,
    off_hours_bulk.ID: off_hours_bulk.Settings,
    clone_burst.ID: clone_burst.Settings,
    coverage.ID: coverage.Settings,
    transfer_tool.ID: transfer_tool.Settings,
    archive_then_send.ID: archive_then_send.Settings,
    egress_volume.ID: egress_volume.Settings,
    remote_access.ID: remote_access.Settings,
}


def build(context: Context) -> tuple[Detector, ...]:
    """Fresh instances of every detector, after checking the rules' thresholds.

    Raises:
        ConfigError: an unknown detector id or threshold in the activity rules.
    """
    validate(context)
    return tuple(factory(context) for factory in DETECTORS.values())


def validate(context: Context) -> None:
    from sentinel.errors import ConfigError

    rules = context.rules
    tables = [rules.thresholds, *rules.roles.values(), *rules.accounts.values()]
    for table in tables:
        for detector_id in table:
            if detector_id not in DETECTORS:
                raise ConfigError(
                    f"{rules.source}: unknown detector {detector_id!r} (known: {', '.join(DETECTORS)})"
                )
    for detector_id, settings in SETTINGS.items():
        rules.settings(settings, detector_id)
        for account in context.directory.accounts:
            rules.settings(settings, detector_id, account)
        for account_id in rules.accounts:
            rules.settings(settings, detector_id, context.account(account_id))
