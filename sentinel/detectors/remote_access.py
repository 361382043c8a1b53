"""remote-access: remote-control tools, VPN clients and VPN interfaces not approved for the host.

Why it matters: in a laptop farm the person hired is not the person working:
a facilitator keeps the company laptop at home and someone abroad drives it
through AnyDesk, TeamViewer, RustDesk, Chrome Remote Desktop, a VNC server
or an IP-KVM, often behind a consumer VPN to hide where they are (ATT&CK
T1219 Remote Access Software; T1133 External Remote Services for VPN
clients; T1090 Proxy for tunnel interfaces).

How: process exec events whose program (lower-cased basename) is in rules
`remote_access_tools` or `vpn_clients`, and network `interface-up` events
(sentinel/endpoint/sources/interfaces.py polls /sys/class/net) whose name
matches `vpn_interfaces` (wg*, tun*, tailscale* ...). `approved_tools` maps
host globs to the tools and interface names allowed there (a support desk's
TeamViewer, the corporate OpenVPN). One alert per host, account and tool
per run. The bundled rules keep the base severity low and raise it for
contractors, whose hosts are where this matters.

False positives: IT's own remote-support tool and corporate VPN (approve
them for the fleet's host glob); container runtimes' tun devices.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sentinel.detectors import commands
from sentinel.detectors.base import Context
from sentinel.model import Alert, Event, Severity

ID = "remote-access"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    severity: str = "low"
    vpn_severity: str = "low"


class RemoteAccess:
    id = ID
    consumes = frozenset({("process", "exec"), ("network", "interface-up")})

    def __init__(self, context: Context) -> None:
        self._context = context
        self._seen: set[tuple[str, str, str]] = set()

    def _classify(self, event: Event) -> tuple[str, str, str] | None:
        """(tool, what, ATT&CK id) for a remote-access signal."""
        rules = self._context.rules
        if event.kind == "process" and event.action == "exec" and event.argv:
            name = commands.program(event.argv[0]).lower()
            exe = commands.program(event.path).lower() if event.path else ""
            for candidate in (name, exe):
                if candidate in rules.remote_access_tools:
                    return candidate, "remote-control tool", "T1219"
                if candidate in rules.vpn_clients:
                    return candidate, "VPN client", "T1133"
        if (
            event.kind == "network"
            and event.action == "interface-up"
            and any(fnmatch.fnmatchcase(event.path, g) for g in rules.vpn_interfaces)
        ):
            return event.path, "VPN or tunnel interface", "T1090"
        return None

    def _approved(self, host: str, tool: str) -> bool:
        for pattern, tools in self._context.rules.approved_tools.items():
            if fnmatch.fnmatchcase(host.lower(), pattern.lower()) and any(
                fnmatch.fnmatchcase(tool, t) for t in tools
            ):
                return True
        return False

    def feed(self, event: Event, now: datetime) -> Iterator[Alert]:
        found = self._classify(event)
        if found is None:
            return
        tool, what, attack = found
        if self._approved(event.host, tool):
            return
        key = (event.host, event.account, tool)
        if key in self._seen:
            return
        self._seen.add(key)
        settings = self._context.settings(Settings, ID, event.account)
        severity = settings.severity if attack == "T1219" else settings.vpn_severity
        yield self._context.alert(
            detector=ID,
            severity=Severity(severity),
            event=event,
            start=event.ts,
            end=event.ts,
            message=f"{what} {tool} on {event.host} ({event.account}), not approved for this host",
            attack=attack,
            evidence=(
                f"{what}: {tool}",
                *((f"command: {' '.join(event.argv)}",) if event.argv else ()),
                *((f"executable: {event.path}",) if event.path and event.kind == "process" else ()),
                *((f"detail: {event.detail}",) if event.detail else ()),
                f"attributed by: {event.attributed_by or 'unknown'}",
            ),
        )

    def tick(self, now: datetime) -> Iterator[Alert]:
        return iter(())
