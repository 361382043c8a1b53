// Fixture for go-tls-verify-disabled.
// RULEID: InsecureSkipVerify: true literal and assignment. OK: value from a flag; RootCAs set.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func client(insecure bool, pool *x509.CertPool) *http.Client {
	// ruleid: go-tls-verify-disabled
	bad := &tls.Config{InsecureSkipVerify: true}
	cfg := &tls.Config{}
	// ruleid: go-tls-verify-disabled
	cfg.InsecureSkipVerify = true
	// ok: go-tls-verify-disabled
	flagged := &tls.Config{InsecureSkipVerify: insecure}
	// ok: go-tls-verify-disabled
	good := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	_, _, _ = bad, flagged, good
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}
