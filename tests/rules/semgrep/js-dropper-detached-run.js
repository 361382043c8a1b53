/*
 * Fixture for js-dropper-detached-run.
 * The first form is ordered (temp/home path, then a file write, then a detached start), so the
 * legitimate look-alikes come first in this file.
 * OK: a URL opened with rundll32 url.dll; a detached dev server started from the project (no file
 *   written to a temp/home folder); a report written to the temp folder and printed; execFile of a
 *   bundled binary without detaching.
 * RULEID: download to os.tmpdir() then spawn detached + unref; a file copied to %APPDATA% and
 *   execFile'd detached; a payload written to /tmp started with spawn detached; rundll32 on a dropped
 *   DLL; regsvr32 and mshta through exec/execSync; wscript with a template string.
 */
const os = require("os");
const fs = require("fs");
const path = require("path");
const https = require("https");
const { spawn, exec, execSync, execFile } = require("child_process");

function openUrl(u) {
  // ok: js-dropper-detached-run
  exec(`rundll32 url.dll,FileProtocolHandler ${u}`);
}

function startDevServer() {
  // ok: js-dropper-detached-run
  const child = spawn(process.execPath, ["server.js"], { detached: true, stdio: "ignore" });
  child.unref();
}

function report(text) {
  const out = path.join(os.tmpdir(), "report.txt");
  fs.writeFileSync(out, text);
  // ok: js-dropper-detached-run
  execFile("cat", [out], (e, s) => console.log(s));
}

// ===== malicious shapes below =====

function install(url) {
  const dest = path.join(os.tmpdir(), "node-helper");
  const file = fs.createWriteStream(dest, { mode: 0o755 });
  https.get(url, (res) => {
    res.pipe(file);
    file.on("finish", () => {
      // ruleid: js-dropper-detached-run
      const p = spawn(dest, [], { detached: true, stdio: "ignore" });
      p.unref();
    });
  });
}

async function persist(buf) {
  const dir = process.env.APPDATA || "";
  fs.copyFileSync(path.join(__dirname, "bin", "svc.exe"), path.join(dir, "svc.exe"));
  // ruleid: js-dropper-detached-run
  execFile(path.join(dir, "svc.exe"), ["--bg"], {
    windowsHide: true,
    detached: true,
  });
}

function linuxStage(data) {
  const target = "/tmp/.cache-" + Date.now();
  fs.writeFileSync(target, data, { mode: 0o700 });
  // ruleid: js-dropper-detached-run
  spawn(target, { detached: true, stdio: ["ignore", "ignore", "ignore"] }).unref();
}

function win(dll) {
  // ruleid: js-dropper-detached-run
  exec(`rundll32.exe ${dll},DllMain`);
  // ruleid: js-dropper-detached-run
  execSync("regsvr32 /s /n /i:" + dll + " scrobj.dll");
  // ruleid: js-dropper-detached-run
  spawn("mshta", [path.join(os.tmpdir(), "u.hta")]);
  // ruleid: js-dropper-detached-run
  exec(`wscript //B "${path.join(os.homedir(), "s.vbs")}"`);
}
