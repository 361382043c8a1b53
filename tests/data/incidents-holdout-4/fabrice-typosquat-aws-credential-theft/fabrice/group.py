# Incident: "fabrice" on PyPI (2024): copied fabric group helpers (trimmed).
# Reference: https://en.ittrends.news/Information+Technology/Software/2024/11/risks-of-malicious-packages-python-fabrice.html (Socket findings)
# Reproduction (own code, placeholder host).
from concurrent.futures import ThreadPoolExecutor

from .connection import Connection


class SerialGroup(list):
    def __init__(self, *hosts: str):
        super().__init__(Connection(h) for h in hosts)

    def run(self, command: str) -> dict:
        return {c.host: c.run(command) for c in self}


class ThreadingGroup(SerialGroup):
    def run(self, command: str) -> dict:
        with ThreadPoolExecutor() as ex:
            return dict(zip((c.host for c in self), ex.map(lambda c: c.run(command), self)))
