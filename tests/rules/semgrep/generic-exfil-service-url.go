// Fixture for generic-exfil-service-url.
// RULEID: an ngrok tunnel and a requestbin URL. OK: a company endpoint.
package main

// ruleid: generic-exfil-service-url
const c2 = "https://a1b2-203-0-113-5.ngrok-free.app/up"

// ruleid: generic-exfil-service-url
var bin = "https://requestbin.net/r/abc123"

// ok: generic-exfil-service-url
var metrics = "https://metrics.example.com/push"
