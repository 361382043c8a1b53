/*
 * Fixture for js-eval-decoded-payload.
 * RULEID: eval of atob, new Function of a base64 Buffer, vm of hex, eval of String.fromCharCode,
 *   module._compile of an inflated blob.
 * OK: atob whose result is displayed, Buffer decoding of an upload, eval of a constant.
 */
const vm = require("vm");
const zlib = require("zlib");
const blob = "Y29uc29sZS5sb2coMSk=";

// ruleid: js-eval-decoded-payload
eval(atob(blob));
// ruleid: js-eval-decoded-payload
new Function(Buffer.from(blob, "base64").toString("utf8"))();
// ruleid: js-eval-decoded-payload
vm.runInThisContext(Buffer.from("636f6e736f6c65", "hex").toString());
// ruleid: js-eval-decoded-payload
eval(String.fromCharCode(99, 111, 110, 115, 111, 108, 101));
// ruleid: js-eval-decoded-payload
module._compile(zlib.inflateSync(Buffer.from(blob, "base64")).toString(), "x.js");

// ok: js-eval-decoded-payload
document.title = atob(blob);
// ok: js-eval-decoded-payload
const bytes = Buffer.from(blob, "base64");
// ok: js-eval-decoded-payload
const two = eval("1 + 1");
