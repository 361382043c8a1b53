// Fixture for go-library-shell-exec.
// RULEID: sh -c / bash -c / cmd /c with a variable, a Sprintf, a join in a library package.
// OK: a literal shell command; a program run with separate arguments; exec of a variable
// program without a shell.
package storage

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
)

func sync(dir string) error {
	// ruleid: go-library-shell-exec
	return exec.Command("/bin/sh", "-c", fmt.Sprintf("cp -r %s /var/backups", dir)).Run()
}

func fetch(ctx context.Context, seg []string) {
	// ruleid: go-library-shell-exec
	exec.CommandContext(ctx, "bash", "-c", strings.Join(seg, "")).Run()
}

func win(c string) {
	// ruleid: go-library-shell-exec
	exec.Command("cmd", "/C", c).Start()
}

func flush() {
	// ok: go-library-shell-exec
	exec.Command("sh", "-c", "sync && echo 3 > /proc/sys/vm/drop_caches").Run()
}

func archive(src, dst string) {
	// ok: go-library-shell-exec
	exec.Command("tar", "-czf", dst, src).Run()
}

func tool(bin string, args []string) {
	// ok: go-library-shell-exec
	exec.Command(bin, args...).Run()
}
