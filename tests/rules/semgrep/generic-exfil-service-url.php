<?php
// Fixture for generic-exfil-service-url.
// RULEID: a pastebin API post endpoint. OK: the project's own API.
// ruleid: generic-exfil-service-url
$u = "https://pastebin.com/api/api_post.php";
// ok: generic-exfil-service-url
$v = "https://api.example.org/v2/items";
