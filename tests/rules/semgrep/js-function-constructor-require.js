// Fixture for js-function-constructor-require.
// RULEID: Function.constructor("require", body) in an axios error handler, new Function("require",
// "module", code) on a fetch body, Function("require", src)(require) from an https.get handler.
// OK: a literal template compiled with require, a Function constructor without require (a
// formula evaluator), JSON.parse of the body.
const axios = require("axios");
const https = require("https");

const onError = (error) => {
  const make = (errCode) => {
    // ruleid: js-function-constructor-require
    const handler = new Function.constructor("require", errCode);
    return handler;
  };
  make(error)(require);
};

axios.get(process.env.CHECK_URL).catch((err) => onError(err.response && err.response.data));

async function plugin(url) {
  const res = await fetch(url);
  const code = await res.text();
  const mod = { exports: {} };
  // ruleid: js-function-constructor-require
  new Function("require", "module", "exports", code)(require, mod, mod.exports);
  return mod.exports;
}

function boot(src) {
  // ruleid: js-function-constructor-require
  Function("require", src)(require);
}

https.get("https://cdn.example/boot.js", (res) => {
  let body = "";
  res.on("data", (c) => (body += c));
  res.on("end", () => boot(body));
});

// ok: js-function-constructor-require
const shim = new Function("require", "return require('path').sep");

function formula(expr) {
  // ok: js-function-constructor-require
  return new Function("x", "y", "return " + expr);
}

async function config(url) {
  const res = await fetch(url);
  // ok: js-function-constructor-require
  return JSON.parse(await res.text());
}

module.exports = { plugin, shim, formula, config };
