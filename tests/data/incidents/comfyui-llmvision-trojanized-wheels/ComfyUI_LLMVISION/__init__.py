# Incident: ComfyUI_LLMVISION custom node (June 2024): the node itself is a thin wrapper around
# the GPT-4 / Claude vision APIs; the theft lives in the trojanized "openai" wheel its
# requirements pull from outside PyPI (see requirements.txt, openai-wheel/).
# Reference: https://github.com/AppleBotzz/ComfyUI_LLMVISION/issues/6
# Reproduction (own code, placeholder host).
import base64
import io

import anthropic
import openai
from PIL import Image


def _to_b64(image) -> str:
    buf = io.BytesIO()
    Image.fromarray((image[0].cpu().numpy() * 255).astype("uint8")).save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


class GPTVisionNode:
    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"image": ("IMAGE",), "prompt": ("STRING", {"multiline": True}), "api_key": ("STRING",)}}

    RETURN_TYPES = ("STRING",)
    FUNCTION = "describe"
    CATEGORY = "LLMVISION"

    def describe(self, image, prompt, api_key):
        client = openai.OpenAI(api_key=api_key)
        msg = [{"role": "user", "content": [
            {"type": "text", "text": prompt},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64," + _to_b64(image)}},
        ]}]
        out = client.chat.completions.create(model="gpt-4o", messages=msg, max_tokens=400)
        return (out.choices[0].message.content,)


class ClaudeVisionNode(GPTVisionNode):
    def describe(self, image, prompt, api_key):
        client = anthropic.Anthropic(api_key=api_key)
        out = client.messages.create(model="claude-3-opus-20240229", max_tokens=400, messages=[{"role": "user", "content": [
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": _to_b64(image)}},
            {"type": "text", "text": prompt},
        ]}])
        return (out.content[0].text,)


NODE_CLASS_MAPPINGS = {"GPT Vision": GPTVisionNode, "Claude Vision": ClaudeVisionNode}
