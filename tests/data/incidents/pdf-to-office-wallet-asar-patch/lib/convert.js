// Incident: "pdf-to-office" (npm, 2025): the real-looking converter part.
// Reference: https://www.reversinglabs.com/blog/atomic-and-exodus-crypto-wallets-targeted-in-malicious-npm-campaign
// Reproduction (own code, placeholder host).
"use strict";
const fs = require("fs");
const pdf = require("pdf-parse");
const { Document, Packer, Paragraph } = require("docx");

async function convert(buffer, outPath) {
  const parsed = await pdf(buffer);
  const doc = new Document({
    sections: [{ children: parsed.text.split(/\n{2,}/).map((t) => new Paragraph(t.trim())) }],
  });
  fs.writeFileSync(outPath, await Packer.toBuffer(doc));
}

module.exports = { convert };
