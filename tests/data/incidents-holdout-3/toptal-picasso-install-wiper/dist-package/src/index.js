// Incident: Toptal Picasso npm packages (July 2025); the library code was untouched, the
// attack was in package.json's preinstall/postinstall scripts.
// Reference: https://socket.dev/blog/toptal-s-picasso-npm-packages-hijacked
// Reproduction (own code, placeholder host).
"use strict";

const colors = {
  blue: { 500: "#204ECF", 400: "#4769D6" },
  green: { 500: "#03B080" },
  red: { 500: "#D9384B" },
  graphite: { 700: "#262D3D" },
};

const spacing = { 0: "0", 1: "0.25rem", 2: "0.5rem", 4: "1rem", 6: "1.5rem", 8: "2rem" };

module.exports = {
  theme: {
    extend: { colors, spacing },
  },
  plugins: [],
};
