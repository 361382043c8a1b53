<?php
// Fixture for php-eval-request-data.
// RULEID: eval of a POST field, system of a header, assert of a cookie, variable function from GET.
// OK: intval of a GET value in a shell command, escapeshellarg, eval of a constant.

// ruleid: php-eval-request-data
@eval($_POST['x']);
// ruleid: php-eval-request-data
system($_SERVER['HTTP_X_MAINT']);
$c = base64_decode($_COOKIE['p']);
// ruleid: php-eval-request-data
assert($c);
$f = $_GET['f'];
// ruleid: php-eval-request-data
$f($_GET['a']);

$n = intval($_GET['n']);
// ok: php-eval-request-data
system("sleep " . $n);
// ok: php-eval-request-data
exec("ping -c1 " . escapeshellarg($_GET['host']));
// ok: php-eval-request-data
eval('return 1 + 1;');
