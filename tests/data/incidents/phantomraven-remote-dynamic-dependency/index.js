// Incident: PhantomRaven (npm, 2025). The visible code is a harmless ESLint rule; the attack is
// the "ui-styles-pkg" dependency in package.json, which points at an http URL so npm pulls an
// unreviewed tarball from the attacker's server during install.
// Reference: https://www.koi.security/blog/phantomraven-npm-malware-hidden-in-invisible-dependencies
// Reproduction (own code, placeholder host).
"use strict";

const DIRECTIVE = /^\s*eslint-disable(?:-next-line|-line)?\s+([\w\-/@, ]+)/;

module.exports = {
  rules: {
    "no-unused-disable": {
      meta: {
        type: "suggestion",
        docs: { description: "report eslint-disable comments that name rules which are not enabled" },
        schema: [],
      },
      create(context) {
        const source = context.sourceCode || context.getSourceCode();
        return {
          Program() {
            for (const comment of source.getAllComments()) {
              const m = DIRECTIVE.exec(comment.value);
              if (!m) continue;
              for (const name of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
                if (!name.includes("/") && !/^[a-z-]+$/.test(name)) {
                  context.report({ loc: comment.loc, message: `Unknown rule "${name}" in directive.` });
                }
              }
            }
          },
        };
      },
    },
  },
};
