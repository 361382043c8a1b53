"""The agent's view of processes and the network: audit, or pollers where audit is not there.

One start/stop step of the daemon (kept out of daemon.py so it stays a list
of steps). With audit (root, auditctl): audit's exec and connect records;
the network source adds bytes per socket and learns from audit's connects
which process and login uid each socket belongs to. Without audit: the
psutil process poller, and the network source announces connects itself
from its polls. Both say in their events which kind of record they are.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from sentinel.endpoint.attribution import Attributor
from sentinel.endpoint.settings import Settings
from sentinel.endpoint.sources import network, processes
from sentinel.errors import SentinelError
from sentinel.model import Event

log = logging.getLogger(__name__)


class HostSources:
    def __init__(
        self,
        settings: Settings,
        *,
        attributor: Attributor,
        emit: Callable[[Event], object],
        record: Callable[[str, str, int], None],
        set_enrich: Callable[[Callable[[list[Event]], list[Event]] | None], None],
    ) -> None:
        self.s = settings
        self._attributor = attributor
        self._emit = emit
        self._record = record
        self._set_enrich = set_enrich
        self.audit: object | None = None
        self.processes: processes.ProcessPoller | None = None
        self.network: network.NetworkSource | None = None

    def start(self) -> None:
        self._start_audit()
        agent = self.s.config.agent
        if self.audit is None:
            self.processes = processes.ProcessPoller(
                host=self.s.host,
                attributor=self._attributor,
                emit=self._emit,
                interval=agent.process_interval,
            )
            self.processes.start()
        self.network = network.NetworkSource(
            host=self.s.host,
            attributor=self._attributor,
            emit=self._emit,
            loopback_is_external=agent.loopback_is_external,
            interval=agent.network_interval,
            announce_connects=self.audit is None,
            vpn_interfaces=self.s.rules.vpn_interfaces,
        )
        self.network.start()

    def stop(self) -> None:
        for name, stop in (("network", self._stop_network), ("processes", self._stop_processes)):
            try:
                stop()
            except Exception:
                log.exception("stopping the %s source failed; continuing", name)
        self._stop_audit()

    def set_attributor(self, attributor: Attributor) -> None:
        self._attributor = attributor
        for source in (self.processes, self.network):
            if source is not None:
                source.attributor = attributor

    def _stop_network(self) -> None:
        if self.network is not None:
            self.network.stop()
            self.network = None

    def _stop_processes(self) -> None:
        if self.processes is not None:
            self.processes.stop()
            self.processes = None

    def _audit_emit(self, event: Event) -> None:
        # Audit's connect records tell the network source who owns a short-lived socket.
        if self.network is not None and event.kind == "network":
            self.network.observe(event)
        self._emit(event)

    def _start_audit(self) -> None:
        from sentinel.endpoint.sources import audit

        mode = self.s.config.agent.audit
        if mode == "off":
            return
        reason = audit.unavailable_reason()
        if reason:
            if mode == "on":
                raise SentinelError(f"agent.audit is 'on' but audit cannot be used: {reason}")
            fallback = f"agent.account ({self.s.account})" if self.s.account else "the owner of each path"
            log.info("audit source off: %s; attribution falls back to %s", reason, fallback)
            if os.geteuid() == 0:  # root could have had audit: its absence weakens attribution
                self._record("audit-unavailable", reason, 0)
            return
        source = audit.AuditSource(
            host=self.s.host,
            attributor=self._attributor,
            watch=self.s.watch,
            emit=self._audit_emit,
            coverage=self._record,
            state_path=self.s.state_dir / "audit-enabled",
        )
        source.start()
        self.audit = source
        self._set_enrich(source.enrich)

    def _stop_audit(self) -> None:
        from sentinel.endpoint.sources import audit

        if isinstance(self.audit, audit.AuditSource):
            self._set_enrich(None)
            self.audit.stop()
            self.audit = None
