#!/bin/bash
# Fixture for sh-chmod-secret-world-accessible.
# RULEID: world-writable SSH private key, world-writable shadow file, other-readable TLS private key, setuid bash.
# OK: owner-only private key, executable script, world-writable build directory.

# ruleid: sh-chmod-secret-world-accessible
chmod 777 ~/.ssh/id_rsa
# ruleid: sh-chmod-secret-world-accessible
chmod 666 /etc/shadow
# ruleid: sh-chmod-secret-world-accessible
chmod o+r /etc/ssl/private/server.key
# ruleid: sh-chmod-secret-world-accessible
chmod u+s /bin/bash

# ok: sh-chmod-secret-world-accessible
chmod 600 ~/.ssh/id_rsa
# ok: sh-chmod-secret-world-accessible
chmod 755 scripts/run.sh
# ok: sh-chmod-secret-world-accessible
chmod -R 777 build/
