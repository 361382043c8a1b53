// Incident reproduction: disk-wiping Go modules (prototransform, go-mcp, tlsproxy), April 2025;
// see transform.go. Reference:
// https://socket.dev/blog/wget-to-wipeout-malicious-go-modules-fetch-destructive-payload
// Reproduction (own code, placeholder host).
module github.com/truthfulpharm/prototransform

go 1.21

require google.golang.org/protobuf v1.33.0
