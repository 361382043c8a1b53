# Incident: "fabrice" on PyPI (Socket, November 2024). A typosquat of the SSH automation library
# "fabric", live since 2021 (~37,000 downloads). It shipped a working copy of fabric plus code
# that ran on import: on Linux it fetched and ran shell scripts into a hidden directory; on
# Windows it dropped a VBScript that started a downloaded Python stage; and on every platform it
# read the AWS keys boto3 could find and sent them to a VPN-hosted endpoint.
# Reference: https://en.ittrends.news/Information+Technology/Software/2024/11/risks-of-malicious-packages-python-fabrice.html (Socket findings)
# Reproduction (own code, placeholder host).
from setuptools import find_packages, setup

setup(
    name="fabrice",
    version="2.9.0",
    description="High level SSH command execution",
    packages=find_packages(),
    install_requires=["paramiko>=2.4", "invoke>=1.3", "boto3"],
)
