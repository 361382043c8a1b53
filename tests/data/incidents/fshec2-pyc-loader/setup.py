# Incident: fshec2 (PyPI), April 2023, reported by ReversingLabs. The package's source
# looked harmless because the malicious logic lived only in a compiled file, full.pyc,
# loaded through importlib's sourceless loader; it fetched commands from a server and
# installed a cron job for persistence.
# Reference: https://www.reversinglabs.com/blog/when-python-bytecode-bites-back-who-checks-the-contents-of-compiled-python-files
# Reproduction (own code).
from setuptools import setup

setup(
    name="fshec2",
    version="0.1.3",
    packages=["fshec2"],
    package_data={"fshec2": ["full.pyc"]},
    include_package_data=True,
)
