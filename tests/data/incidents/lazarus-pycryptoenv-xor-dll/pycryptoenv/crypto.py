# Incident: Lazarus PyPI loaders pycryptoenv / pycryptoconf, February 2024 (see __init__.py).
# This is the innocent-looking part of the package. Reproduction (own code).
import base64
import hashlib


def _key(secret):
    return hashlib.sha256(secret.encode()).digest()


def encrypt(text, secret):
    key = _key(secret)
    raw = text.encode()
    return base64.b64encode(bytes(c ^ key[i % len(key)] for i, c in enumerate(raw))).decode()


def decrypt(token, secret):
    key = _key(secret)
    raw = base64.b64decode(token)
    return bytes(c ^ key[i % len(key)] for i, c in enumerate(raw)).decode()
