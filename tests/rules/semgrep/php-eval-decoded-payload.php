<?php
// Fixture for php-eval-decoded-payload.
// RULEID: eval(gzinflate(base64_decode())), assert(str_rot13()), eval(strrev()).
// OK: base64_decode of an image, eval of a constant.
// ruleid: php-eval-decoded-payload
eval(gzinflate(base64_decode('S03OyFdQSSxKz0nMS8lPAQA=')));
// ruleid: php-eval-decoded-payload
assert(str_rot13('flfgrz("vq");'));
// ruleid: php-eval-decoded-payload
eval(strrev(';)"di"(metsys'));
// ok: php-eval-decoded-payload
$img = base64_decode($data);
// ok: php-eval-decoded-payload
eval('return 42;');
