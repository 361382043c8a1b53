/*
 * Fixture for js-cors-credentials-any-origin.
 * RULEID: cors({origin: true, credentials: true}), reflected Origin header with credentials.
 * OK: cors with an allow-list, wildcard origin without credentials.
 */
const cors = require("cors");
const app = require("express")();

// ruleid: js-cors-credentials-any-origin
app.use(cors({ origin: true, credentials: true }));
// ok: js-cors-credentials-any-origin
app.use(cors({ origin: ["https://app.example.com"], credentials: true }));
// ok: js-cors-credentials-any-origin
app.use(cors({ origin: "*" }));

app.use((req, res, next) => {
  res.setHeader("Access-Control-Allow-Credentials", "true");
  // ruleid: js-cors-credentials-any-origin
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
  next();
});
