# Fixture for generic-go-proxy-override.
# RULEID: GOPROXY to an unknown host; go env -w with a mirror first.
# OK: the default proxy with direct fallback; GOPROXY=direct; GOPROXY=off.
FROM golang:1.22
# ruleid: generic-go-proxy-override
ENV GOPROXY=https://goproxy.example-mirror.net
# ruleid: generic-go-proxy-override
RUN go env -w GOPROXY=https://goproxy.cn,direct
# ok: generic-go-proxy-override
ENV GOPROXY=https://proxy.golang.org,direct
# ok: generic-go-proxy-override
ENV GOPROXY=direct
# ok: generic-go-proxy-override
ENV GOPROXY=off
