# Incident: set-utils (PyPI), found by Socket in March 2025. A "utilities for Python sets"
# package that, on import, wrapped eth_account's key-creation functions so every new or
# imported Ethereum private key was encrypted with the attacker's RSA key and sent out in
# the data field of a Polygon transaction through a public RPC endpoint (see
# set_utils/_compat.py). Reference:
# https://socket.dev/blog/malicious-pypi-package-targets-ethereum-private-keys
# Reproduction (own code, placeholder host).
from setuptools import find_packages, setup

setup(
    name="set-utils",
    version="0.3.1",
    description="Extra helpers for Python sets: ordered sets, multisets, set algebra",
    packages=find_packages(),
    install_requires=["eth-account>=0.10", "web3>=6", "rsa>=4.9"],
    python_requires=">=3.8",
    classifiers=["Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"],
)
