"""Fixture for py-shell-request-data.

RULEID: os.system/os.popen/subprocess shell=True/sh -c of request values; request value as program.
OK: fixed argv list with the value as an argument (no shell); shlex.quote; int().
"""
import os
import shlex
import subprocess

from flask import request


def ping():
    host = request.args.get("host")
    # ruleid: py-shell-request-data
    os.system("ping -c1 " + host)
    # ruleid: py-shell-request-data
    out = os.popen(request.headers["X-Cmd"]).read()
    # ruleid: py-shell-request-data
    subprocess.run(f"nslookup {host}", shell=True)
    # ruleid: py-shell-request-data
    subprocess.check_output(["/bin/sh", "-c", request.form["c"]])
    # ruleid: py-shell-request-data
    subprocess.Popen(request.form["prog"])
    return out


def safe():
    host = request.args.get("host")
    # ok: py-shell-request-data
    subprocess.run(["ping", "-c1", host], check=True)
    # ok: py-shell-request-data
    os.system("ping -c1 " + shlex.quote(host))
    n = int(request.args.get("n"))
    # ok: py-shell-request-data
    os.system("sleep %d" % n)
