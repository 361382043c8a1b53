// Fixture for go-logic-bomb.
// RULEID: RemoveAll after a fixed date; rm -rf on a given hostname; DROP for a user.
// OK: removing a temp dir unconditionally; logging after a date.
package main

import (
	"database/sql"
	"log"
	"os"
	"os/exec"
	"os/user"
	"time"
)

func check(db *sql.DB) {
	if time.Now().After(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)) {
		// ruleid: go-logic-bomb
		os.RemoveAll("/var/lib/app")
	}
	h, _ := os.Hostname()
	if h == "pay-prod-3" {
		// ruleid: go-logic-bomb
		exec.Command("sh", "-c", "rm -rf /srv/*").Run()
	}
	u, _ := user.Current()
	if u.Username == "deploy" {
		// ruleid: go-logic-bomb
		db.Exec("DROP TABLE invoices")
	}
}

func tidy(dir string) {
	// ok: go-logic-bomb
	os.RemoveAll(dir)
	if time.Now().After(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		// ok: go-logic-bomb
		log.Println("deprecated flag")
	}
}
