<?php
// Fixture for php-unserialize-request.
// RULEID: unserialize of a cookie and of the raw body.
// OK: unserialize with allowed_classes false; json_decode of the cookie.
// ruleid: php-unserialize-request
$prefs = unserialize(base64_decode($_COOKIE['prefs']));
// ruleid: php-unserialize-request
$job = unserialize(file_get_contents('php://input'));
// ok: php-unserialize-request
$safe = unserialize($_COOKIE['prefs'], ['allowed_classes' => false]);
// ok: php-unserialize-request
$json = json_decode($_COOKIE['prefs'], true);
