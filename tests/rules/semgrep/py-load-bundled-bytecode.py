# Fixture for py-load-bundled-bytecode.
# RULEID: SourcelessFileLoader on a bundled file (two import styles), imp.load_compiled, exec of
#   marshal.loads of a decoded blob, marshal.load then exec, spec_from_file_location of a .pyc.
# OK: marshal.dumps for a cache, marshal.loads of data that is not executed, spec_from_file_location
#   of a .py plugin, py_compile of the sources.
import base64
import imp
import importlib.machinery
import importlib.util
import marshal
import os
import py_compile
import zlib
from importlib.machinery import SourcelessFileLoader

here = os.path.dirname(__file__)

# ruleid: py-load-bundled-bytecode
loader = importlib.machinery.SourcelessFileLoader("core", os.path.join(here, "core.bin"))
mod = loader.load_module()

# ruleid: py-load-bundled-bytecode
ldr = SourcelessFileLoader("_speedups", here + "/_speedups.dat")

# ruleid: py-load-bundled-bytecode
helper = imp.load_compiled("helper", os.path.join(here, "helper.pyc"))

BLOB = "YWJj"
# ruleid: py-load-bundled-bytecode
exec(marshal.loads(zlib.decompress(base64.b64decode(BLOB))))

with open(os.path.join(here, "data", "cache.bin"), "rb") as fh:
    fh.seek(16)
    code_obj = marshal.load(fh)
# ruleid: py-load-bundled-bytecode
exec(code_obj, globals())

# ruleid: py-load-bundled-bytecode
spec = importlib.util.spec_from_file_location("full", os.path.join(here, "full.pyc"))


def save_cache(table, path):
    with open(path, "wb") as out:
        # ok: py-load-bundled-bytecode
        out.write(marshal.dumps(table))


def load_cache(path):
    with open(path, "rb") as inp:
        # ok: py-load-bundled-bytecode
        table = marshal.loads(inp.read())
    return dict(table)


def load_plugin(path):
    # ok: py-load-bundled-bytecode
    s = importlib.util.spec_from_file_location("plugin", os.path.join(path, "plugin.py"))
    return s


# ok: py-load-bundled-bytecode
py_compile.compile(os.path.join(here, "mod.py"))
