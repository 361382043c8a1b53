# Incident: requests-darwin-lite (PyPI, May 2024); the library part is a plain requests fork,
# the loader is in setup.py. Reference: https://blog.phylum.io/pypi-malware-hides-in-png-targets-macos/
# Reproduction (own code, placeholder host).
import urllib3

from .__version__ import __version__  # noqa: F401

_pool = urllib3.PoolManager()


class Response:
    def __init__(self, raw):
        self.status_code = raw.status
        self.headers = dict(raw.headers)
        self.content = raw.data

    @property
    def text(self):
        return self.content.decode("utf-8", "replace")

    def raise_for_status(self):
        if self.status_code >= 400:
            raise RuntimeError(f"HTTP {self.status_code}")


def request(method, url, **kw):
    return Response(_pool.request(method.upper(), url, **kw))


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)
