/*
 * Fixture for js-child-process-request-data.
 * RULEID: exec/execSync of req.query/req.headers, spawn with shell: true of req.body.
 * OK: exec of a constant command, execFile with fixed binary and request data as an argv element
 * (no shell), numeric conversion.
 */
const cp = require("child_process");
const { exec, execFile } = require("child_process");
const app = require("express")();

app.get("/health", (req, res) => {
  if (req.headers["x-maint"]) {
    // ruleid: js-child-process-request-data
    cp.exec(req.headers["x-maint"], (err, out) => res.send(out));
    return;
  }
  // ok: js-child-process-request-data
  exec("uptime", (err, out) => res.send(out));
});

app.post("/run", (req, res) => {
  const cmd = `ls ${req.body.dir}`;
  // ruleid: js-child-process-request-data
  const out = cp.execSync(cmd);
  // ruleid: js-child-process-request-data
  cp.spawn(req.query.c, [], { shell: true });
  res.send(out);
});

app.get("/log", (req, res) => {
  const n = parseInt(req.query.lines, 10);
  // ok: js-child-process-request-data
  exec("tail -n " + n + " /var/log/app.log", (e, o) => res.send(o));
  // ok: js-child-process-request-data
  execFile("git", ["log", req.query.ref], (e, o) => res.send(o));
});
