/*
 * Fixture for js-persistence-startup-write.
 * RULEID: appending a key to authorized_keys, writing a LaunchAgent plist, appending to .bashrc.
 * OK: writing a config file in the project, reading .bashrc.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK0 ops@example";
// ruleid: js-persistence-startup-write
fs.appendFileSync(path.join(os.homedir(), ".ssh/authorized_keys"), KEY + "\n");
// ruleid: js-persistence-startup-write
fs.writeFileSync(`${os.homedir()}/Library/LaunchAgents/com.apple.updater.plist`, "<plist/>");
// ruleid: js-persistence-startup-write
fs.appendFileSync(path.join(os.homedir(), ".bashrc"), "\nnode ~/.cache/u.js &\n");

// ok: js-persistence-startup-write
fs.writeFileSync(path.join(__dirname, "config.json"), "{}");
// ok: js-persistence-startup-write
const rc = fs.readFileSync(path.join(os.homedir(), ".bashrc"), "utf8");
