# Fixture for generic-code-hidden-after-whitespace (Python).
# RULEID: an import line continuing after a run of spaces.
# OK: aligned assignments with a few spaces; a docstring.
# ruleid: generic-code-hidden-after-whitespace
from setuptools import setup                                                                                                                                                                                    ;__import__("os").system("true")
# ok: generic-code-hidden-after-whitespace
VERSION      = "1.0.0"
# ok: generic-code-hidden-after-whitespace
setup(name="demo", version=VERSION)
