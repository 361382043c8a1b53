// Fixture for go-mod-replace-remote (go.mod).
// RULEID: single-line replace to a fork; replace inside a block.
// OK: replace to a local directory; ordinary require lines.
module example.com/app

go 1.22

require (
	// ok: go-mod-replace-remote
	golang.org/x/crypto v0.24.0
	github.com/gorilla/mux v1.8.1
)

// ruleid: go-mod-replace-remote
replace golang.org/x/crypto => github.com/someuser/crypto v0.24.1-0.20240601000000-abcdef123456

replace (
	// ruleid: go-mod-replace-remote
	github.com/gorilla/mux v1.8.1 => github.com/someuser/mux v1.8.2
	// ok: go-mod-replace-remote
	example.com/app/internal/lib => ./internal/lib
)
