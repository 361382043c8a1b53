"""Fixture for py-chmod-secret-world-accessible.

RULEID: 0o777 on an SSH key, 0o666 on /etc/shadow, 0o644 on a .env file, Path.chmod 0o777 on a .key.
OK: 0o600 on a key, 0o755 on a script, 0o777 on a build directory.
"""
import os
from pathlib import Path

# ruleid: py-chmod-secret-world-accessible
os.chmod(os.path.expanduser("~/.ssh/id_rsa"), 0o777)
# ruleid: py-chmod-secret-world-accessible
os.chmod("/etc/shadow", 0o666)
# ruleid: py-chmod-secret-world-accessible
os.chmod("deploy/.env", 0o644)
# ruleid: py-chmod-secret-world-accessible
Path("certs/server.key").chmod(0o777)

# ok: py-chmod-secret-world-accessible
os.chmod(os.path.expanduser("~/.ssh/id_rsa"), 0o600)
# ok: py-chmod-secret-world-accessible
os.chmod("scripts/run.sh", 0o755)
# ok: py-chmod-secret-world-accessible
os.chmod("build/out", 0o777)
