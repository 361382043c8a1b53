// RULEID: repack over the wallet's archive (await, promise chain, createPackageWithOptions)
// OK: building an app.asar from the project's own build folder, extracting an archive to read
//     its package.json, repacking into a new file
"use strict";
const asar = require("@electron/asar");
const fs = require("fs");
const path = require("path");

async function patchWallet(appAsar, work, file, rewrite) {
  asar.extractAll(appAsar, work);
  const target = path.join(work, file);
  fs.writeFileSync(target, rewrite(fs.readFileSync(target, "utf8")));
  // ruleid: js-asar-repack-in-place
  await asar.createPackage(work, appAsar);
}

function patchChat(t, tmp) {
  asar.extractAll(t.archive, tmp);
  fs.appendFileSync(path.join(tmp, "index.js"), "\nrequire('./hook');\n");
  // ruleid: js-asar-repack-in-place
  return asar.createPackageWithOptions(tmp, t.archive, { unpack: "*.node" }).then(() => fs.rmSync(tmp, { recursive: true }));
}

async function build(out) {
  // ok: js-asar-repack-in-place
  await asar.createPackage(path.join(__dirname, "dist", "app"), path.join(out, "app.asar"));
}

function readVersion(archive, tmp) {
  asar.extractAll(archive, tmp);
  // ok: js-asar-repack-in-place
  return JSON.parse(fs.readFileSync(path.join(tmp, "package.json"), "utf8")).version;
}

async function repackCopy(archive, tmp, out) {
  asar.extractAll(archive, tmp);
  // ok: js-asar-repack-in-place
  await asar.createPackage(tmp, out);
}

module.exports = { patchWallet, patchChat, build, readVersion, repackCopy };
