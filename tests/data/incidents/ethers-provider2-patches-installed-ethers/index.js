// Incident: ethers-provider2 (npm, 2025). The exported API is a thin re-export; the attack is
// in scripts/install.js, which patches the installed "ethers" package.
// Reference: https://www.reversinglabs.com/blog/malicious-npm-patch-delivers-reverse-shell
// Reproduction (own code, placeholder host).
"use strict";

let ethers = null;
try {
  ethers = require("ethers");
} catch (_e) {
  ethers = null;
}

function provider(url) {
  if (!ethers) throw new Error("ethers is not installed");
  return new ethers.JsonRpcProvider(url);
}

module.exports = { provider };
