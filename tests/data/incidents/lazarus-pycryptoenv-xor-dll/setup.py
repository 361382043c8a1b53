# Incident reproduction: pycryptoenv (PyPI, Lazarus, February 2024); see pycryptoenv/__init__.py.
from setuptools import setup

setup(
    name="pycryptoenv",
    version="0.1.7",
    description="Simple encryption helpers for environment secrets",
    packages=["pycryptoenv"],
    package_data={"pycryptoenv": ["gzip.py"]},
)
