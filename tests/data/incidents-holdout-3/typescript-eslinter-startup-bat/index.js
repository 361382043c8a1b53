// Incident: @typescript_eslinter/eslint (npm, December 2024); plugin surface kept plausible,
// the persistence is in install.js. Reference:
// https://socket.dev/blog/malicious-npm-packages-target-typescript-eslint-and-types-node
// Reproduction (own code, placeholder host).
"use strict";

module.exports = {
  configs: {
    recommended: {
      parser: "@typescript-eslint/parser",
      plugins: ["@typescript-eslint"],
      rules: {
        "@typescript-eslint/no-unused-vars": "warn",
        "@typescript-eslint/no-explicit-any": "warn",
      },
    },
  },
  rules: {},
};
