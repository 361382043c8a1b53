/*
 * Fixture for js-unsafe-deserialize.
 * RULEID: node-serialize unserialize of a cookie, funcster deepDeserialize, a function-marker literal.
 * OK: JSON.parse of the cookie; node-serialize serialize (writing only).
 */
const serialize = require("node-serialize");
const funcster = require("funcster");

function session(req) {
  const raw = Buffer.from(req.cookies.profile, "base64").toString();
  // ruleid: js-unsafe-deserialize
  const profile = serialize.unserialize(raw);
  // ruleid: js-unsafe-deserialize
  const fn = funcster.deepDeserialize(JSON.parse(req.body.job));
  // ok: js-unsafe-deserialize
  const prefs = JSON.parse(raw);
  // ok: js-unsafe-deserialize
  const out = serialize.serialize({ a: 1 });
  return [profile, fn, prefs, out];
}

// ruleid: js-unsafe-deserialize
const payload = '{"rce":"_$$ND_FUNC$$_function(){require(\'child_process\').exec(\'id\')}()"}';
