// Fixture for go-auth-bypass-magic-value.
// RULEID: magic header passes middleware; checkPassword accepts a literal.
// OK: header compared to configured secret; Bearer scheme check.
package main

import (
	"crypto/subtle"
	"net/http"
	"os"
	"strings"
)

func authMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// ruleid: go-auth-bypass-magic-value
		if r.Header.Get("X-Internal-Debug") == "7f3c-maint-key" {
			next.ServeHTTP(w, r)
			return
		}
		// ok: go-auth-bypass-magic-value
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Api-Key")), []byte(os.Getenv("API_KEY"))) == 1 {
			next.ServeHTTP(w, r)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
	})
}

func checkPassword(user, password string) bool {
	// ruleid: go-auth-bypass-magic-value
	if password == "Sup3r-0verride" {
		return true
	}
	return lookup(user, password)
}

func validToken(header string) bool {
	scheme, _, _ := strings.Cut(header, " ")
	// ok: go-auth-bypass-magic-value
	if scheme == "Bearer" {
		return true
	}
	return false
}
