// Fixture for generic-char-table-command (JavaScript).
// RULEID: eval of a string assembled from a lookup table.
// OK: matrix arithmetic with a handful of indexed terms.
const k = 'eval(atob)ros.qchildpn;'.split('');
// ruleid: generic-char-table-command
const s = k[13] + k[14] + k[15] + k[16] + k[17] + k[18] + k[19] + k[20] + k[21] + k[13] + k[14] + k[15] + k[16];
eval(s);
// ok: generic-char-table-command
const det = m[0] * m[3] + m[1] + m[2];
