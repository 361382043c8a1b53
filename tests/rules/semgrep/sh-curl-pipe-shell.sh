#!/bin/bash
# Fixture for sh-curl-pipe-shell.
# RULEID: a download piped into sh, bash, sudo bash and python; bash fed by process substitution;
#   sh -c and eval of command-substituted downloads.
# OK: download to a file then checksum verification; curl piped into jq or tar.
set -euo pipefail

# ruleid: sh-curl-pipe-shell
curl -sSf https://sh.rustup.rs | sh -s -- -y
# ruleid: sh-curl-pipe-shell
wget -qO- https://get.example.com/install.sh | sudo bash
# ruleid: sh-curl-pipe-shell
curl -sSL https://install.example.org | python3 -
# ruleid: sh-curl-pipe-shell
bash <(curl -fsSL https://example.com/setup.sh)
# ruleid: sh-curl-pipe-shell
sh -c "$(curl -fsSL https://example.com/install.sh)"
# ruleid: sh-curl-pipe-shell
eval "$(curl -s https://example.com/env.sh)"

# ok: sh-curl-pipe-shell
curl -fsSLo /tmp/tool.tar.gz https://example.com/tool-1.2.3.tar.gz
# ok: sh-curl-pipe-shell
echo "3f1c...  /tmp/tool.tar.gz" | sha256sum -c -
# ok: sh-curl-pipe-shell
curl -s https://api.github.com/repos/o/r/releases/latest | jq -r .tag_name
# ok: sh-curl-pipe-shell
curl -sL https://example.com/tool.tar.gz | tar xz -C /opt
