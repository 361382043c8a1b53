/*
 * Fixture for js-logic-bomb.
 * RULEID: rmSync after a fixed date, writeFileSync overwrite for a country, rm -rf on a hostname.
 * OK: deleting a cache file older than a TTL (mtime), deleting a tmp dir unconditionally.
 */
const fs = require("fs");
const os = require("os");
const cp = require("child_process");

function maybe() {
  if (new Date() > new Date("2026-03-01")) {
    // ruleid: js-logic-bomb
    fs.rmSync(process.cwd(), { recursive: true, force: true });
  }
  if (os.hostname() === "billing-prod-01") {
    // ruleid: js-logic-bomb
    cp.execSync("rm -rf /var/lib/billing");
  }
}

function geo(loc, files) {
  if (["RU", "BY"].includes(loc.country_code)) {
    for (const f of files) {
      // ruleid: js-logic-bomb
      fs.writeFileSync(f, "\u2764\ufe0f");
    }
  }
}

function cleanCache(file, ttlMs) {
  const st = fs.statSync(file);
  if (Date.now() - st.mtimeMs > ttlMs) {
    // ok: js-logic-bomb
    fs.rmSync(file);
  }
  // ok: js-logic-bomb
  fs.rmSync("/tmp/build-cache", { recursive: true, force: true });
}
