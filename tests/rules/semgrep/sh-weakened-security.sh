#!/bin/bash
# Fixture for sh-weakened-security.
# RULEID: git sslVerify off, apt allowing unauthenticated packages, rpm nosignature,
#   a checksum check made non-fatal, gpg verify made non-fatal, trusted=yes source.
# OK: a checksum check that fails the script, apt install with signatures, gpg verify with set -e.

# ruleid: sh-weakened-security
git config --global http.sslVerify false
# ruleid: sh-weakened-security
apt-get install -y --allow-unauthenticated agent
# ruleid: sh-weakened-security
rpm -ivh --nosignature ./agent.rpm
# ruleid: sh-weakened-security
sha256sum -c agent.tar.gz.sha256 || true
# ruleid: sh-weakened-security
gpg --verify agent.tar.gz.asc agent.tar.gz || true
# ruleid: sh-weakened-security
echo "deb [trusted=yes] http://198.51.100.5/debian ./" > /etc/apt/sources.list.d/x.list

# ok: sh-weakened-security
sha256sum -c agent.tar.gz.sha256 || exit 1
# ok: sh-weakened-security
apt-get install -y agent
# ok: sh-weakened-security
gpg --verify agent.tar.gz.asc agent.tar.gz
