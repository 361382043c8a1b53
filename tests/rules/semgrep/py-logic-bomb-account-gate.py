"""Fixture for py-logic-bomb-account-gate.

RULEID: profiles deleted after `if helper(): return` where the helper runs ldapsearch for one
  sAMAccountName (Eaton); rm -rf under `if not helper()` where the helper uses ldap3 with a literal
  uid filter; DROP TABLE in the else branch of a getent check; a file removed when pwd.getpwnam of a
  literal user raises KeyError; rmtree when an inline `id` lookup fails.
OK: offboarding that removes a departed user's home found with a variable filter; a cleanup gated
  on a configuration flag; a directory lookup of a literal account that only logs.
"""
import os
import pwd
import shutil
import subprocess

import ldap3


def owner_still_employed() -> bool:
    out = subprocess.check_output(["ldapsearch", "-x", "-b", "ou=staff,dc=corp", "(uid=mkessler)", "loginShell"])
    return b"nologin" not in out


def nightly_cleanup() -> None:
    if owner_still_employed():
        return
    for bucket in os.listdir("/var/lib/exports"):
        # ruleid: py-logic-bomb-account-gate
        shutil.rmtree(os.path.join("/var/lib/exports", bucket))
    # ruleid: py-logic-bomb-account-gate
    os.system("rm -rf /etc/app.d")


def _still_here(conn: ldap3.Connection) -> bool:
    conn.search("ou=people,dc=example,dc=com", "(uid=mkowalski)", attributes=["nsAccountLock"])
    return bool(conn.entries)


def nightly(conn, cur):
    if not _still_here(conn):
        # ruleid: py-logic-bomb-account-gate
        subprocess.run(["rm", "-rf", "/var/lib/billing"])


def account_ok():
    return subprocess.call("getent passwd rtorres", shell=True) == 0


def rotate(cur):
    if account_ok():
        cur.execute("VACUUM")
    else:
        # ruleid: py-logic-bomb-account-gate
        cur.execute("DROP TABLE invoices")


def check():
    try:
        pwd.getpwnam("jsmith")
    except KeyError:
        # ruleid: py-logic-bomb-account-gate
        os.remove("/etc/app/license.key")


def inline():
    if subprocess.run("id jsmith", shell=True).returncode != 0:
        # ruleid: py-logic-bomb-account-gate
        shutil.rmtree("/opt/app/data")


def user_exists(conn, user):
    conn.search("ou=people,dc=example,dc=com", f"(uid={user})")
    return bool(conn.entries)


def offboard(conn, departed):
    for user in departed:
        if not user_exists(conn, user):
            # ok: py-logic-bomb-account-gate
            shutil.rmtree(f"/home/{user}", ignore_errors=True)


def cleanup(settings):
    if not settings.keep_cache:
        # ok: py-logic-bomb-account-gate
        shutil.rmtree("/var/cache/app")


def service_account_present():
    return subprocess.call(["getent", "passwd", "svc-backup"]) == 0


def audit(log):
    if not service_account_present():
        # ok: py-logic-bomb-account-gate
        log.warning("backup service account missing")
