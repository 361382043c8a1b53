<?php
// Fixture for php-rogue-admin-account.
// RULEID: wp_create_user with a literal password then set_role('administrator') / add_role /
// wp_update_user role; wp_insert_user array with literal user_pass and administrator role;
// a pre_user_query handler excluding a fixed login; raw INSERT of an admin row and of
// administrator capabilities.
// OK: WordPress install with the password in a variable; a subscriber registered with a
// generated password; a pre_user_query handler filtering by meta; an INSERT with bound values.

function ensure_support_user() {
    if (!username_exists('wpsupport')) {
        // ruleid: php-rogue-admin-account
        $uid = wp_create_user('wpsupport', 'S3cure!2024', 'ops@example.org');
        $u = new WP_User($uid);
        $u->set_role('administrator');
    }
}

add_action('init', function () {
    // ruleid: php-rogue-admin-account
    $id = wp_create_user(get_option('svc_name', 'svc'), "hunter22", "svc@example.net");
    if (!is_wp_error($id)) {
        wp_update_user(array('ID' => $id, 'role' => 'administrator'));
    }
});

function plugin_activate() {
    $userdata = array(
        'user_login' => 'sysadmin2',
        'user_pass'  => 'Passw0rd!x',
        'user_email' => 'sys@example.com',
        'role'       => 'administrator',
    );
    // ruleid: php-rogue-admin-account
    wp_insert_user($userdata);
}

function register_helper() {
    // ruleid: php-rogue-admin-account
    wp_insert_user(['role' => 'administrator', 'user_login' => 'helper', 'user_pass' => 'abc12345']);
}

add_action('pre_user_query', 'hide_helper');
function hide_helper($user_search) {
    global $wpdb;
    // ruleid: php-rogue-admin-account
    $user_search->query_where .= " AND {$wpdb->users}.user_login != 'sysadmin2'";
}

function seed($pdo) {
    // ruleid: php-rogue-admin-account
    $pdo->exec("INSERT INTO users (username, password, role) VALUES ('backup', '5f4dcc3b5aa765d61d8327deb882cf99', 'admin')");
    // ruleid: php-rogue-admin-account
    $pdo->exec("INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (99, 'wp_capabilities', 'a:1:{s:13:\"administrator\";b:1;}')");
}

function wp_install_like($user_name, $user_email, $user_password) {
    // ok: php-rogue-admin-account
    $user_id = wp_create_user($user_name, $user_password, $user_email);
    $user = new WP_User($user_id);
    $user->set_role('administrator');
}

function register_subscriber($login, $email) {
    // ok: php-rogue-admin-account
    wp_insert_user(array('user_login' => $login, 'user_email' => $email, 'user_pass' => wp_generate_password(), 'role' => 'subscriber'));
}

add_action('pre_user_query', function ($q) {
    global $wpdb;
    // ok: php-rogue-admin-account
    $q->query_where .= " AND {$wpdb->usermeta}.meta_key = 'department'";
});

function add_user_row($pdo, $name, $hash) {
    $stmt = $pdo->prepare("INSERT INTO users (username, password, role) VALUES (?, ?, ?)");
    // ok: php-rogue-admin-account
    $stmt->execute([$name, $hash, 'editor']);
}
