/*
 * Fixture for js-recursive-file-wiper.
 * RULEID: recursive walk that overwrites each file with a constant.
 * OK: recursive walk that reads files; writing a computed, transformed content.
 */
const fs = require("fs");
const path = require("path");

function wipe(dir) {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.lstatSync(p).isDirectory()) { wipe(p); continue; }
    // ruleid: js-recursive-file-wiper
    fs.writeFileSync(p, "\u2764\ufe0f");
  }
}

function format(dir) {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.lstatSync(p).isDirectory()) { format(p); continue; }
    const src = fs.readFileSync(p, "utf8");
    // ok: js-recursive-file-wiper
    fs.writeFileSync(p, src.trimEnd() + "\n");
  }
}
