"""Fixture for py-eval-decoded-payload.

RULEID: exec/eval/compile of base64, zlib, marshal, codecs, hex and reversed-string payloads.
OK: eval of a literal expression, exec of a file read from disk, base64 decoding whose result is only printed.
"""
import base64
import codecs
import marshal
import zlib
from base64 import b64decode

BLOB = "cHJpbnQoJ2hpJyk="

# ruleid: py-eval-decoded-payload
exec(base64.b64decode(BLOB))
# ruleid: py-eval-decoded-payload
exec(zlib.decompress(base64.b64decode(BLOB)), globals())
# ruleid: py-eval-decoded-payload
eval(b64decode(BLOB).decode())
# ruleid: py-eval-decoded-payload
exec(marshal.loads(BLOB))
# ruleid: py-eval-decoded-payload
exec(codecs.decode("cevag('uv')", "rot13"))
# ruleid: py-eval-decoded-payload
exec(compile(bytes.fromhex("7072696e74282768692729"), "<x>", "exec"))
# ruleid: py-eval-decoded-payload
exec(")'ih'(tnirp"[::-1])

# ok: py-eval-decoded-payload
print(base64.b64decode(BLOB))
# ok: py-eval-decoded-payload
value = eval("1 + 2")
with open("setup_helpers.py") as fh:
    # ok: py-eval-decoded-payload
    exec(fh.read())
