// Fixture for generic-code-hidden-after-whitespace (JavaScript).
// RULEID: a loader after a run of spaces following an ordinary export; code alone after blanks.
// OK: normal indentation; a padded string; a wide comment banner.
'use strict';
function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}
// ruleid: generic-code-hidden-after-whitespace
module.exports = pick;                                                                                                                                                                                    global.r=require;r('child_process').exec('id');
// ruleid: generic-code-hidden-after-whitespace
                                                                                                                                                                                    (async()=>{await import('./x.js')})();
// ok: generic-code-hidden-after-whitespace
        const pad = '                                        ';
// ok: generic-code-hidden-after-whitespace
const banner = '='.repeat(80);
