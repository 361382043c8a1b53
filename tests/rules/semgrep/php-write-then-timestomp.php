<?php
// RULEID: appended core file back-dated to version.php, dropped file stamped with a fixed epoch,
//         fopen/fwrite then a date string
// OK: cache file touched with the current time, a copy keeping its source's mtime, touch of
//     the file's own previous mtime after an edit
function inject_core($extra)
{
    $target = ABSPATH . WPINC . '/vars.php';
    $code = file_get_contents($target);
    file_put_contents($target, $code . $extra);
    // ruleid: php-write-then-timestomp
    touch($target, filemtime(ABSPATH . WPINC . '/version.php'));
}

function drop_file($path, $body)
{
    @file_put_contents($path, $body);
    // ruleid: php-write-then-timestomp
    @touch($path, 1577836800);
}

function drop_stream($path, $body)
{
    $h = fopen($path, 'wb');
    fwrite($h, $body);
    fclose($h);
    // ruleid: php-write-then-timestomp
    touch($path, strtotime('2019-03-14 09:12:00'));
}

function write_cache($file, $data)
{
    file_put_contents($file, serialize($data));
    // ok: php-write-then-timestomp
    touch($file, time());
}

function mirror($src, $dst)
{
    copy($src, $dst);
    // ok: php-write-then-timestomp
    touch($dst, filemtime($src));
}

function rewrite_keep_time($file, $new)
{
    $old = filemtime($file);
    file_put_contents($file, $new);
    // ok: php-write-then-timestomp
    touch($file, $old);
}
