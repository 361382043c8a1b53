<?php
/*
 * Plugin Name: pipdig Power Pack (p3)
 * Description: The core functions of any pipdig theme.
 * Version: 4.8.0
 * Author: pipdig
 *
 * Incident: pipdig Power Pack remote kill switch (March 2019); the destructive job is in
 * inc/cron.php. Reference:
 * https://www.wordfence.com/blog/2019/03/peculiar-php-found-in-popular-pipdig-power-pack-plugin/
 * Reproduction (own code, placeholder host).
 */

if (!defined('ABSPATH')) {
    exit;
}

define('PIPDIG_P3_V', '4.8.0');
define('PIPDIG_P3_DIR', plugin_dir_path(__FILE__));

require_once PIPDIG_P3_DIR . 'inc/cron.php';

add_action('wp_enqueue_scripts', function () {
    wp_enqueue_style('p3-core', plugins_url('assets/css/core.css', __FILE__), array(), PIPDIG_P3_V);
});

add_shortcode('pipdig_instagram_feed', function ($atts) {
    $atts = shortcode_atts(array('count' => 6), $atts);
    $count = (int) get_option('p3_instagram_count', 0);
    return '<div class="p3-instagram" data-count="' . esc_attr($atts['count']) . '">' . esc_html(number_format_i18n($count)) . ' followers</div>';
});
