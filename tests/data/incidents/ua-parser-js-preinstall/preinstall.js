// Incident: ua-parser-js 0.7.29 / 0.8.0 / 1.0.0 (npm), 22 October 2021.
// The maintainer's npm account was taken over and three versions were published with a
// preinstall hook that fetched and started a Monero miner (and, on Windows, a password
// stealer). Reference: https://github.com/advisories/GHSA-pjwm-rvh2-c87w
// Reproduction (own code): the install hook picks a script per platform and runs it.
const { exec } = require('child_process');
const os = require('os');
if (os.type() === 'Linux') {
  exec('/bin/bash preinstall.sh');
} else if (os.type() === 'Windows_NT') {
  exec('preinstall.bat');
}
