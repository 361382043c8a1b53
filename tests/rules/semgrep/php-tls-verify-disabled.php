<?php
// Fixture for php-tls-verify-disabled.
// RULEID: VERIFYPEER false, Guzzle verify false. OK: VERIFYPEER true with a CA file.
$ch = curl_init("https://pay.example.com");
// ruleid: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
// ruleid: php-tls-verify-disabled
$client = new Client(['verify' => false]);
// ok: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
// ok: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_CAINFO, "/etc/ssl/certs/ca.pem");
