// Fixture for js-eval-decrypted-payload.
// RULEID: createDecipher update/final compiled as a new module (event-stream); createDecipheriv output
//   passed to vm.runInThisContext; CryptoJS AES decrypt into new Function; base64 Buffer decoded into a
//   variable then eval; gunzip of a blob into Module._compile.
// OK: decrypted JSON config parsed with JSON.parse; decoded image written to disk; eval of a constant
//   template; decipher output returned to the caller.
const crypto = require('crypto');
const vm = require('vm');
const zlib = require('zlib');
const CryptoJS = require('crypto-js');
const Module = require('module');

function flatmap(blob, key) {
  const d = crypto.createDecipher('aes256', key);
  const plain = d.update(blob, 'hex', 'utf8') + d.final('utf8');
  const m = new module.constructor();
  m.paths = module.paths;
  // ruleid: js-eval-decrypted-payload
  m._compile(plain, '');
}

function stage2(blob, key, iv) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  let code = decipher.update(blob, 'base64', 'utf8');
  code += decipher.final('utf8');
  // ruleid: js-eval-decrypted-payload
  vm.runInThisContext(code);
}

function cjs(payload, pass) {
  const src = CryptoJS.AES.decrypt(payload, pass).toString(CryptoJS.enc.Utf8);
  // ruleid: js-eval-decrypted-payload
  return new Function('require', src)(require);
}

function b64(x) {
  const text = Buffer.from(x, 'base64').toString('utf8');
  const wrapped = '(function(){' + text + '})()';
  // ruleid: js-eval-decrypted-payload
  eval(wrapped);
}

function packed(blob) {
  const source = zlib.gunzipSync(Buffer.from(blob, 'base64')).toString();
  const m = new Module('x');
  // ruleid: js-eval-decrypted-payload
  m._compile(source, 'x.js');
}

function config(blob, key, iv) {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  const text = decipher.update(blob, 'base64', 'utf8') + decipher.final('utf8');
  const settings = JSON.parse(text);
  // ok: js-eval-decrypted-payload
  return vm.runInNewContext('settings.timeout * 2', { settings });
}

function image(data) {
  const png = Buffer.from(data, 'base64');
  require('fs').writeFileSync('logo.png', png);
  // ok: js-eval-decrypted-payload
  return eval('1 + 1');
}

function decrypt(blob, key, iv) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  // ok: js-eval-decrypted-payload
  return decipher.update(blob, 'hex', 'utf8') + decipher.final('utf8');
}
