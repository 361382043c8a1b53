# Incident: "deepseeek" / "deepseekai" on PyPI (January 2025): package init with the client.
# Reference: https://rcbulletin.robinsoncoleblogs.com/2025/02/deepseek-ais-security-woes-impersonations-what-you-need-to-know/
# Reproduction (own code, placeholder host).
import os

import requests

API = "https://api.deepseek.com/chat/completions"


def chat(prompt: str, model: str = "deepseek-chat", api_key: str | None = None) -> str:
    key = api_key or os.environ.get("DEEPSEEK_API_KEY", "")
    r = requests.post(
        API,
        headers={"Authorization": f"Bearer {key}"},
        json={"model": model, "messages": [{"role": "user", "content": prompt}]},
        timeout=120,
    )
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"]
