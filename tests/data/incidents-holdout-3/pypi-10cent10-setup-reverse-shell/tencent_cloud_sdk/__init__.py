# Incident: 10Cent10 (PyPI, July 2021); placeholder package body, the reverse shell is in
# setup.py. Reference: https://jfrog.com/blog/malicious-pypi-packages-stealing-credit-cards-injecting-code/
# Reproduction (own code, placeholder host).
__version__ = "1.0.1"


def region_endpoint(service: str, region: str = "ap-guangzhou") -> str:
    return f"{service}.{region}.tencentcloudapi.example"
