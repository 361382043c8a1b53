# Fixture for generic-xor-decoded-exec-memory (Python).
# RULEID: a repeating-key XOR over a file's bytes, then an executable allocation and a thread on it.
# OK: the decoded data written to a log; a ctypes call to an unrelated API.
import ctypes

KEY = b"\x13\x37\xc0\xde"


def unpack(path):
    data = bytearray(open(path, "rb").read())
    for i in range(len(data)):
        data[i] ^= KEY[i % len(KEY)]
    return bytes(data)


def start(path):
    blob = unpack(path)
    k32 = ctypes.windll.kernel32
    # ruleid: generic-xor-decoded-exec-memory
    addr = k32.VirtualAlloc(None, len(blob), 0x3000, 0x40)
    ctypes.memmove(addr, blob, len(blob))
    # ruleid: generic-xor-decoded-exec-memory
    k32.CreateThread(None, 0, addr, None, 0, None)
    # ok: generic-xor-decoded-exec-memory
    k32.GetTickCount()
    # ok: generic-xor-decoded-exec-memory
    open("decoded.log", "wb").write(blob)
