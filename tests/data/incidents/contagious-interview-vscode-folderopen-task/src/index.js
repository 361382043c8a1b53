// Incident: Contagious Interview fake take-home project (2025); the app is a decoy and the
// loader lives in .vscode/tasks.json.
// Reference: https://www.jamf.com/blog/threat-actors-expand-abuse-of-visual-studio-code/
// Reproduction (own code, placeholder host).
const express = require("express");

const pools = [
  { id: "eth-30", asset: "ETH", apr: 4.2, lockDays: 30 },
  { id: "usdc-90", asset: "USDC", apr: 7.9, lockDays: 90 },
];

const app = express();
app.get("/api/pools", (_req, res) => res.json(pools));
app.get("/api/pools/:id/reward", (req, res) => {
  const pool = pools.find((p) => p.id === req.params.id);
  if (!pool) return res.status(404).json({ error: "unknown pool" });
  const amount = Number(req.query.amount) || 0;
  res.json({ reward: (amount * pool.apr * pool.lockDays) / (100 * 365) });
});
app.listen(3001, () => console.log("dashboard api on :3001"));
