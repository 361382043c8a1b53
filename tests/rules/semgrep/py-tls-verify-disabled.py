"""Fixture for py-tls-verify-disabled.

RULEID: requests verify=False, session.verify = False, unverified ssl context, CERT_NONE.
OK: verify pointing at a CA bundle, verify taken from a user flag.
"""
import ssl

import requests


def fetch(url, insecure):
    # ruleid: py-tls-verify-disabled
    requests.get(url, verify=False)
    s = requests.Session()
    # ruleid: py-tls-verify-disabled
    s.verify = False
    # ruleid: py-tls-verify-disabled
    ctx = ssl._create_unverified_context()
    c2 = ssl.create_default_context()
    # ruleid: py-tls-verify-disabled
    c2.check_hostname = False
    # ruleid: py-tls-verify-disabled
    c2.verify_mode = ssl.CERT_NONE
    # ok: py-tls-verify-disabled
    requests.get(url, verify="/etc/ssl/certs/corp-ca.pem")
    # ok: py-tls-verify-disabled
    requests.get(url, verify=not insecure)
    return ctx
