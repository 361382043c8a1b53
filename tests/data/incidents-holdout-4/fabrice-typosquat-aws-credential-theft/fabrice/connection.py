# Incident: "fabrice" on PyPI (2024): the copied, working part of fabric (trimmed).
# Reference: https://en.ittrends.news/Information+Technology/Software/2024/11/risks-of-malicious-packages-python-fabrice.html (Socket findings)
# Reproduction (own code, placeholder host).
import paramiko
from invoke import Config as _InvokeConfig


class Config(_InvokeConfig):
    prefix = "fabric"


class Connection:
    def __init__(self, host: str, user: str | None = None, port: int = 22, connect_kwargs: dict | None = None):
        self.host, self.user, self.port = host, user, port
        self.connect_kwargs = connect_kwargs or {}
        self.client = paramiko.SSHClient()
        self.client.set_missing_host_key_policy(paramiko.RejectPolicy())

    def open(self) -> None:
        self.client.load_system_host_keys()
        self.client.connect(self.host, port=self.port, username=self.user, **self.connect_kwargs)

    def run(self, command: str) -> str:
        if self.client.get_transport() is None:
            self.open()
        _, out, err = self.client.exec_command(command)
        return out.read().decode() + err.read().decode()
