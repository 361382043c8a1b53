# Fixture for generic-go-checksum-disabled (Dockerfile, shell and CI lines).
# RULEID: sumdb off; GOINSECURE; GOFLAGS with -insecure; GONOSUMDB for all of github.com.
# OK: GOPRIVATE and GONOSUMDB scoped to an organisation; GOFLAGS=-mod=vendor.
FROM golang:1.22
# ruleid: generic-go-checksum-disabled
ENV GOSUMDB=off
# ruleid: generic-go-checksum-disabled
ENV GOINSECURE=git.example-mirror.net
# ruleid: generic-go-checksum-disabled
RUN GOFLAGS=-insecure go mod download
# ruleid: generic-go-checksum-disabled
ENV GONOSUMDB=github.com
# ok: generic-go-checksum-disabled
ENV GOPRIVATE=github.com/example-corp/*
# ok: generic-go-checksum-disabled
ENV GONOSUMDB=github.com/example-corp
# ok: generic-go-checksum-disabled
ENV GOFLAGS=-mod=vendor
