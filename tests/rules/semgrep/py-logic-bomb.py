"""Fixture for py-logic-bomb.

RULEID: rmtree after a fixed date, DROP TABLE on a given hostname, rm -rf after an epoch, user gate.
OK: cache cleanup based on file age; a date check that only logs.
"""
import datetime
import getpass
import os
import shutil
import socket
import subprocess
import time


def housekeeping(db):
    if datetime.datetime.now() > datetime.datetime(2026, 6, 1):
        # ruleid: py-logic-bomb
        shutil.rmtree("/srv/app/data", ignore_errors=True)
    if socket.gethostname() == "ledger-prod-02":
        # ruleid: py-logic-bomb
        db.execute("DROP TABLE payments")
    if time.time() > 1790000000:
        # ruleid: py-logic-bomb
        subprocess.run("rm -rf /var/backups/*", shell=True)
    if getpass.getuser() == "jenkins":
        # ruleid: py-logic-bomb
        os.remove("/etc/app/license.key")


def clean_cache(path, max_age):
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if time.time() - os.path.getmtime(full) > max_age:
            # ok: py-logic-bomb
            os.remove(full)
    if datetime.date.today() > datetime.date(2026, 1, 1):
        # ok: py-logic-bomb
        print("this API is deprecated")
