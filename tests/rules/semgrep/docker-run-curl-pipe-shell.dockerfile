# Fixture for docker-run-curl-pipe-shell.
# RULEID: curl piped into sh; wget piped into bash over a line continuation; sh -c of a command
#   substitution; ADD of a remote script.
# OK: download to a file and verify a checksum; curl piped into tar; ADD of a local file.
FROM debian:12
# ruleid: docker-run-curl-pipe-shell
RUN curl -fsSL https://get.example-tool.dev | sh
# ruleid: docker-run-curl-pipe-shell
RUN wget -qO- https://install.example.org/setup \
      | bash -s -- --yes
# ruleid: docker-run-curl-pipe-shell
RUN sh -c "$(curl -fsSL https://install.example.org/x.sh)"
# ruleid: docker-run-curl-pipe-shell
ADD https://install.example.org/bootstrap.sh /tmp/bootstrap.sh
# ok: docker-run-curl-pipe-shell
RUN curl -fsSLo /tmp/t.tgz https://example.org/t-1.2.tgz && echo "abc123  /tmp/t.tgz" | sha256sum -c -
# ok: docker-run-curl-pipe-shell
RUN curl -fsSL https://example.org/t-1.2.tgz | tar -xz -C /opt
# ok: docker-run-curl-pipe-shell
ADD scripts/entrypoint.sh /entrypoint.sh
