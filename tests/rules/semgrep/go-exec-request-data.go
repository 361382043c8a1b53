// Fixture for go-exec-request-data.
// RULEID: exec.Command of a query value, sh -c of a header, CommandContext of a form value.
// OK: a fixed command with the request value as a separate argv element; numeric conversion.
package main

import (
	"net/http"
	"os/exec"
	"strconv"
)

func debugHandler(w http.ResponseWriter, r *http.Request) {
	c := r.URL.Query().Get("cmd")
	// ruleid: go-exec-request-data
	out, _ := exec.Command(c).Output()
	w.Write(out)
}

func maintHandler(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Get("X-Maint")
	// ruleid: go-exec-request-data
	out, _ := exec.Command("/bin/sh", "-c", h).CombinedOutput()
	w.Write(out)
}

func formHandler(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-exec-request-data
	exec.CommandContext(r.Context(), r.FormValue("prog")).Run()
}

func logHandler(w http.ResponseWriter, r *http.Request) {
	ref := r.URL.Query().Get("ref")
	// ok: go-exec-request-data
	out, _ := exec.Command("git", "log", "--oneline", ref).Output()
	n, _ := strconv.Atoi(r.FormValue("n"))
	// ok: go-exec-request-data
	exec.Command("tail", "-n", strconv.Itoa(n), "/var/log/app.log").Run()
	w.Write(out)
}
