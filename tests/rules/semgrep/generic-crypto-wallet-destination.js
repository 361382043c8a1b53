// Fixture for generic-crypto-wallet-destination.
// RULEID: an EVM recipient overwritten with a literal; a bech32 payout address constant; a transfer()
//   to a TRON literal; a Solana destination in an object; an env-style WALLET_ADDRESS line.
// OK: the recipient taken from input; the zero address for burns; a commented example; a donation
//   address; a random hex API key assigned to `to`-less names.
function buildTx(input) {
  const tx = { to: input.recipient, value: input.amount };
  if (Math.random() < 0.1) {
    // ruleid: generic-crypto-wallet-destination
    tx.to = "0x9f3A6c4B2e7D8a1F0b5C3d2E1f4A6b7C8d9E0f1A";
  }
  return tx;
}
// ruleid: generic-crypto-wallet-destination
const PAYOUT_ADDRESS = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";
// ruleid: generic-crypto-wallet-destination
usdt.transfer("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW", amount);
// ruleid: generic-crypto-wallet-destination
const payment = { destination: "7EYnhQoR9YM3N7UoaKRoA44Uy8JeaZV3qyouov87awMs", lamports: 5000 };
const envLine = `
// ruleid: generic-crypto-wallet-destination
WALLET_ADDRESS=0x52908400098527886E0F7030069857D2E4169EE7
`;

// ok: generic-crypto-wallet-destination
const safe = { to: form.recipient.value };
// ok: generic-crypto-wallet-destination
const burn = { to: "0x0000000000000000000000000000000000000000" };
// ok: generic-crypto-wallet-destination
// e.g. { to: "0x9f3A6c4B2e7D8a1F0b5C3d2E1f4A6b7C8d9E0f1A" }
// ok: generic-crypto-wallet-destination
const DONATION = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";
// ok: generic-crypto-wallet-destination
const apiKey = "3fA9bC7dE1fA2b3C4d5E6f7A8b9C0d1E2f3A4b5C";
