// Fixture for go-persistence-startup-write.
// RULEID: append to authorized_keys, write a cron file, write a systemd unit.
// OK: write a config in the working directory; read authorized_keys.
package main

import (
	"os"
	"path/filepath"
)

func plant(home string) {
	// ruleid: go-persistence-startup-write
	f, _ := os.OpenFile(filepath.Join(home, ".ssh/authorized_keys"), os.O_APPEND|os.O_WRONLY, 0600)
	f.WriteString("ssh-ed25519 AAAAC3Nza ops\n")
	// ruleid: go-persistence-startup-write
	os.WriteFile("/etc/cron.d/sys-update", []byte("* * * * * root /tmp/.u\n"), 0644)
	// ruleid: go-persistence-startup-write
	os.WriteFile("/etc/systemd/system/net-helper.service", []byte("[Service]\n"), 0644)
}

func normal(home string) {
	// ok: go-persistence-startup-write
	os.WriteFile("config.yaml", []byte("a: 1\n"), 0644)
	// ok: go-persistence-startup-write
	os.ReadFile(filepath.Join(home, ".ssh/authorized_keys"))
}
