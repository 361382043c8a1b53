"""Which sockets the network source reports: those to a destination outside the host.

Loopback and the host's own networks (its interface subnets, link-local) are
not outbound and are dropped, unless `agent.loopback_is_external` makes
loopback count (tests use it). Sockets whose local port is listening are the
server side of a loopback pair and are skipped. The allowlist
(`approved_destinations`) is applied by the detectors, so the events stay on
record. Its own module because the rule is policy, apart from the counting.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable

import psutil

from sentinel.endpoint.sources import ss

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def local_networks() -> tuple[Network, ...]:
    """The host's own subnets, from its interface addresses and netmasks."""
    nets = []
    for addrs in psutil.net_if_addrs().values():
        for addr in addrs:
            if not addr.netmask:
                continue
            try:
                nets.append(
                    ipaddress.ip_network(f"{addr.address.split('%')[0]}/{addr.netmask}", strict=False)
                )
            except ValueError:
                continue
    return tuple(nets)


class Outbound:
    """`outbound(sock)`: does this socket send to a remote destination?"""

    def __init__(
        self,
        *,
        loopback_is_external: bool,
        networks: tuple[Network, ...],
        run_ss: Callable[[tuple[str, ...]], str],
    ) -> None:
        self._loopback_external = loopback_is_external
        self._networks = networks
        self._run_ss = run_ss
        self._listening: set[int] = set()
        self._listening_at = 0.0

    def __call__(self, sock: ss.Socket) -> bool:
        peer = ss.split_address(sock.peer)
        local = ss.split_address(sock.local)
        if peer is None or local is None:
            return False
        try:
            address: Address = ipaddress.ip_address(peer[0])
        except ValueError:
            return False
        if address.is_loopback:
            if not self._loopback_external:
                return False
            # Both ends of a loopback pair are ours: the listening end is the "remote" sink.
            return local[1] not in self._listening_ports()
        if address.is_link_local or address.is_unspecified or address.is_multicast:
            return False
        return not any(address in net for net in self._networks if net.version == address.version)

    def _listening_ports(self) -> set[int]:
        now = time.monotonic()
        if now - self._listening_at > 0.5:
            ports = set()
            for line in self._run_ss(("-tlnH",)).splitlines():
                fields = line.split()
                if len(fields) >= 4 and (address := ss.split_address(fields[3])) is not None:
                    ports.add(address[1])
            self._listening, self._listening_at = ports, now
        return self._listening
