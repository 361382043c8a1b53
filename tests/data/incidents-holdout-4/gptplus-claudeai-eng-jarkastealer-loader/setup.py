# Incident: "gptplus" and "claudeai-eng" on PyPI (Kaspersky, November 2024). Packages promising
# free GPT-4 Turbo / Claude access through a thin API wrapper, live for about a year (~1,700
# downloads). Importing them ran a base64 blob that downloaded JavaUpdater.jar (JarkaStealer),
# fetched a Java runtime from a file-sharing host if none was installed, and started the jar.
# Reference: https://securelist.com/jarkastealer-in-pypi-packages/
# Reproduction (own code, placeholder host).
from setuptools import find_packages, setup

setup(
    name="claudeai-eng",
    version="1.0.6",
    description="Use Claude 3 Opus for free through a simple Python API",
    packages=find_packages(),
    install_requires=["requests>=2.28"],
    python_requires=">=3.7",
)
