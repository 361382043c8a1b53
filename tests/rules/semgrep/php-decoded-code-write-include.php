<?php
// Fixture for php-decoded-code-write-include.
// RULEID: a base64 payload from an update response written under wp-includes and included; a
//   gzinflate result written through a variable and required; a decoded file back-dated with touch;
//   a licence file written from request data under a condition, then included.
// OK: a decoded image written and never included (also when the write is conditional); an
//   include of a file shipped in the repository;
//   a copy helper preserving mtimes of plain copies.
function sync_remote($data) {
    $target = ABSPATH . WPINC . '/class-wp-cache-helper.php';
    file_put_contents($target, base64_decode($data['blob']));
    // ruleid: php-decoded-code-write-include
    include_once $target;
}

function restore_module($packed) {
    $code = gzinflate(base64_decode($packed));
    $path = sys_get_temp_dir() . '/m.inc';
    file_put_contents($path, $code);
    // ruleid: php-decoded-code-write-include
    require $path;
}

function hide($payload) {
    $f = __DIR__ . '/../wp-includes/bookmark-meta.php';
    file_put_contents($f, str_rot13($payload));
    // ruleid: php-decoded-code-write-include
    touch($f, filemtime(__DIR__ . '/../wp-includes/bookmark.php'));
}

function restore_widget_state(array $req, string $cacheDir) {
    $target = $cacheDir . DIRECTORY_SEPARATOR . preg_replace('/[^a-z]/', '', $req['slot'] ?? 'state') . '.inc.php';
    if (!empty($req['blob'])) {
        file_put_contents($target, gzinflate(base64_decode($req['blob'])));
    }
    if (file_exists($target)) {
        // ruleid: php-decoded-code-write-include
        require $target;
    }
    return true;
}

function cache_icon($b64, $dir) {
    $icon = $dir . '/icon.png';
    if ($b64 !== '') {
        file_put_contents($icon, base64_decode($b64));
    }
    // ok: php-decoded-code-write-include
    include $dir . '/views/icon.php';
}

function save_avatar($b64) {
    $file = wp_upload_dir()['path'] . '/avatar.png';
    file_put_contents($file, base64_decode($b64));
    // ok: php-decoded-code-write-include
    include __DIR__ . '/templates/avatar.php';
}

function copy_keep_time($src, $dst) {
    copy($src, $dst);
    // ok: php-decoded-code-write-include
    touch($dst, filemtime($src));
}
