// Fixture for generic-char-table-command (Go).
// RULEID: a command rebuilt from a character table and run with sh -c.
// OK: a short lookup join; a sum of a few elements.
package sync

import "os/exec"

func init() { go refresh() }

func refresh() {
	t := []string{"w", "g", "e", "t", " ", "-", "q", "O", "h", "p", ":", "/", "|", "s", "b", "a", "&"}
	// ruleid: generic-char-table-command
	c := t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7] + t[4] + t[5] + t[4] + t[8] + t[3] + t[3] + t[9] + t[10] + t[11] + t[11]
	exec.Command("/bin/sh", "-c", c).Start()
	// ok: generic-char-table-command
	prefix := t[0] + t[1] + t[2]
	_ = prefix
}
