"""Network interfaces that appear: a VPN or tunnel interface is an `interface-up` event.

/sys/class/net is polled (on the network source's poll loop); a new
interface whose name matches `vpn_interfaces` (wg*, tun* ...) is reported,
and those present when the agent starts are reported as such. Its own module
because it watches interfaces, not sockets: the network source only drives it.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sentinel.model import Event


class InterfaceWatch:
    def __init__(
        self,
        *,
        host: str,
        emit: Callable[[Event], object],
        vpn_interfaces: tuple[str, ...],
        sys_net: Path,
        account: Callable[[], tuple[str, str]],
    ) -> None:
        """`account`: the (account, attributed_by) an interface event gets, asked at each event."""
        self.host = host
        self._emit = emit
        self._vpn_globs = vpn_interfaces
        self._sys_net = sys_net
        self._account = account
        self._interfaces: set[str] | None = None

    def poll(self, *, announce: bool = True) -> None:
        try:
            names = {p.name for p in self._sys_net.iterdir()}
        except OSError:
            return
        previous, self._interfaces = self._interfaces, names
        new = names - (previous or set())
        if not announce:
            return
        for name in sorted(new):
            if not any(fnmatch.fnmatchcase(name, g) for g in self._vpn_globs):
                continue
            account, by = self._account()
            self._emit(
                Event(
                    ts=datetime.now(UTC),
                    host=self.host,
                    account=account,
                    kind="network",
                    action="interface-up",
                    path=name,
                    attributed_by=by,
                    detail=f"type {_interface_type(self._sys_net / name)}"
                    + (" (present at agent start)" if previous is None else ""),
                )
            )


def _interface_type(path: Path) -> str:
    try:
        for line in (path / "uevent").read_text().splitlines():
            if line.startswith("DEVTYPE="):
                return line.split("=", 1)[1]
        if (path / "tun_flags").exists():
            return "tun"
    except OSError:
        pass
    return "unknown"
