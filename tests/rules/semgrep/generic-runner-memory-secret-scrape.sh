#!/usr/bin/env bash
# RULEID: pgrep of the worker, a memory read loop next to the worker name, the secret marker,
#         a ps | grep of the listener
# OK: a process-memory report of our own service, a grep for a config key named isSecret in
#     docs, a runner download
set -euo pipefail

# ruleid: generic-runner-memory-secret-scrape
pid=$(pgrep -f Runner.Worker | head -n1)

# ruleid: generic-runner-memory-secret-scrape
echo "dumping Runner.Worker"
python3 - "$pid" <<'PY'
import sys
maps = open(f"/proc/{sys.argv[1]}/maps")
PY

# ruleid: generic-runner-memory-secret-scrape
grep -aoE '"[^"]+":\{"value":"[^"]*","isSecret":true\}' /tmp/dump.bin | sort -u > /tmp/s.txt

# ruleid: generic-runner-memory-secret-scrape
listener=$(ps aux | grep -v grep | grep Runner.Listener | awk '{print $2}')

# ok: generic-runner-memory-secret-scrape
rss=$(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -f gunicorn | head -n1)/status")

# ok: generic-runner-memory-secret-scrape
grep -rn "isSecret" docs/api/ || true

# ok: generic-runner-memory-secret-scrape
curl -fsSLo actions-runner.tar.gz https://github.com/actions/runner/releases/download/v2.319.1/actions-runner-linux-x64-2.319.1.tar.gz
