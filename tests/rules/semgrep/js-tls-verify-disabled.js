/*
 * Fixture for js-tls-verify-disabled.
 * RULEID: rejectUnauthorized false in an agent and request options, NODE_TLS_REJECT_UNAUTHORIZED=0.
 * OK: rejectUnauthorized true with a ca bundle.
 */
const https = require("https");
const fs = require("fs");

// ruleid: js-tls-verify-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// ruleid: js-tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
// ruleid: js-tls-verify-disabled
https.get({ host: "updates.example.net", rejectUnauthorized: false }, () => {});
// ok: js-tls-verify-disabled
https.get({ host: "updates.example.net", ca: fs.readFileSync("ca.pem"), rejectUnauthorized: true }, () => {});
