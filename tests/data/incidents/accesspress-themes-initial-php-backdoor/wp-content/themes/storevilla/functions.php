<?php
/**
 * Incident: AccessPress Themes supply-chain compromise (2022): the theme's functions.php, with
 * the one added require of the dropper.
 * Reference: https://jetpack.com/blog/backdoor-found-in-themes-and-plugins-from-accesspress-themes/
 * Reproduction (own code, placeholder host).
 */
if ( ! function_exists( 'storevilla_setup' ) ) :
	function storevilla_setup() {
		load_theme_textdomain( 'storevilla', get_template_directory() . '/languages' );
		add_theme_support( 'automatic-feed-links' );
		add_theme_support( 'title-tag' );
		add_theme_support( 'post-thumbnails' );
		add_theme_support( 'woocommerce' );
		register_nav_menus(
			array(
				'primary' => esc_html__( 'Primary Menu', 'storevilla' ),
				'top'     => esc_html__( 'Top Menu', 'storevilla' ),
			)
		);
	}
endif;
add_action( 'after_setup_theme', 'storevilla_setup' );

function storevilla_scripts() {
	wp_enqueue_style( 'storevilla-style', get_stylesheet_uri(), array(), '1.4.2' );
	wp_enqueue_script( 'storevilla-navigation', get_template_directory_uri() . '/js/navigation.js', array( 'jquery' ), '1.4.2', true );
}
add_action( 'wp_enqueue_scripts', 'storevilla_scripts' );

require get_template_directory() . '/inc/template-tags.php';
require get_template_directory() . '/inc/customizer.php';
require get_template_directory() . '/initial.php';
