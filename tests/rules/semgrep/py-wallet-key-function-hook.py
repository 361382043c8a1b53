"""Fixture for py-wallet-key-function-hook.

RULEID: setattr over eth_account Account's key functions in a loop; Account.from_key replaced by
a wrapper; a solders Keypair method replaced; bip_utils seed generator method replaced.
OK: calling Account.create / from_key; patching an unrelated class's method; a local class named
Account (not from eth_account) patched in a fixture module.
"""
import functools

import bip_utils
from eth_account import Account
from solders.keypair import Keypair


def _wrap(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        acct = fn(*args, **kwargs)
        return acct

    return inner


for _name in ("create", "from_key", "from_mnemonic"):
    _orig = getattr(Account, _name, None)
    if _orig is not None:
        # ruleid: py-wallet-key-function-hook
        setattr(Account, _name, _wrap(_orig))

# ruleid: py-wallet-key-function-hook
Account.from_key = _wrap(Account.from_key)

# ruleid: py-wallet-key-function-hook
Keypair.from_bytes = _wrap(Keypair.from_bytes)

# ruleid: py-wallet-key-function-hook
bip_utils.Bip39SeedGenerator.Generate = _wrap(bip_utils.Bip39SeedGenerator.Generate)


def new_wallet():
    # ok: py-wallet-key-function-hook
    acct = Account.create()
    # ok: py-wallet-key-function-hook
    again = Account.from_key(acct.key)
    return again.address


class Cache:
    def get(self, key):
        return key


# ok: py-wallet-key-function-hook
setattr(Cache, "get", _wrap(Cache.get))
