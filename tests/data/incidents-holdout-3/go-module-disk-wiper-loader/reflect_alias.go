// Incident: disk-wiping Go modules (Socket, May 2025); helper aliases for transform.go.
// Reference: https://socket.dev/blog/wget-to-wipeout-malicious-go-modules-fetch-destructive-payload
// Reproduction (own code, placeholder host).
package prototransform

import "google.golang.org/protobuf/reflect/protoreflect"

type (
	protoreflectFieldDescriptor = protoreflect.FieldDescriptor
	protoreflectValue           = protoreflect.Value
)
