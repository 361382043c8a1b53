module github.com/example/golang-random-ip-ssh-bruteforce

go 1.21

require golang.org/x/crypto v0.17.0
