// Fixture for js-eval-request-header.
// RULEID: a middleware that buffers hex chunks from any request header and runs them with
//   vm.runInThisContext; a Koa handler that builds a Function from a cookie; eval of an
//   X- header value; new vm.Script from a buffered header command.
// OK: Function('return this')() for the global object; a vm sandbox running a fixed literal;
//   JSON.parse of a cookie.
'use strict';
const vm = require('vm');

let pending = '';

function collect(req, res, next) {
  for (const name of Object.keys(req.headers)) {
    const v = String(req.headers[name]);
    if (v.startsWith('z:')) pending += Buffer.from(v.slice(2), 'hex').toString();
    if (v === 'z!' && pending) {
      // ruleid: js-eval-request-header
      vm.runInThisContext(pending)(require, req);
    }
  }
  next();
}

async function prefs(ctx) {
  const expr = ctx.cookies.get('layout') || '';
  // ruleid: js-eval-request-header
  const fn = new Function('state', expr);
  ctx.body = fn(ctx.state);
}

function debugRoute(req, res) {
  // ruleid: js-eval-request-header
  res.end(String(eval(req.get('x-debug-expr'))));
}

function runQueued(cmd) {
  // ruleid: js-eval-request-header
  new vm.Script(cmd).runInThisContext();
}

// ok: js-eval-request-header
const globalObject = Function('return this')();

function sandboxed() {
  // ok: js-eval-request-header
  return vm.runInNewContext('1 + 2', {});
}

function theme(req) {
  // ok: js-eval-request-header
  return JSON.parse(req.cookies.theme || '{}');
}

module.exports = { collect, prefs, debugRoute, runQueued, globalObject, sandboxed, theme };
