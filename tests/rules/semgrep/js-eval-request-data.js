/*
 * Fixture for js-eval-request-data.
 * RULEID: eval/new Function/vm.runInNewContext/setTimeout of req.query, req.body, headers.
 * OK: eval of a constant, Function built from a constant, numeric conversion of the query.
 */
const vm = require("vm");
const express = require("express");
const app = express();

app.get("/status", (req, res) => {
  const cmd = req.query.debug;
  if (cmd) {
    // ruleid: js-eval-request-data
    res.send(String(eval(cmd)));
  }
});

app.post("/render", (req, res) => {
  // ruleid: js-eval-request-data
  const fn = new Function("data", req.body.template);
  // ruleid: js-eval-request-data
  vm.runInNewContext(req.headers["x-debug"], {});
  // ruleid: js-eval-request-data
  setTimeout(req.body.cb, 10);
  res.send(fn({}));
});

app.get("/page", (req, res) => {
  const page = parseInt(req.query.page, 10);
  // ok: js-eval-request-data
  const n = eval("2 + 2");
  // ok: js-eval-request-data
  setTimeout(() => res.send(String(page + n)), 10);
  // ok: js-eval-request-data
  const add = new Function("a", "b", "return a + b");
  // ok: js-eval-request-data
  eval(String(page));
});
