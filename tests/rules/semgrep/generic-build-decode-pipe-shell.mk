# Fixture for generic-build-decode-pipe-shell (a Makefile / m4 fragment).
# RULEID: xz -dc of a test file piped through eval; base64 -d into sh; tr chain into /bin/bash;
#   eval of a command substitution that decompresses.
# OK: gzip -dc into tar; base64 -d into a file; `gunzip x || sh fallback.sh`; xz test comparing output.

stage0:
# ruleid: generic-build-decode-pipe-shell
	xz -dc $(srcdir)/tests/files/bad-3-corrupt_lzma2.xz | eval $$i | head -c 1024 > x
payload:
# ruleid: generic-build-decode-pipe-shell
	cat tests/data/blob.txt | base64 -d | sh
hidden:
# ruleid: generic-build-decode-pipe-shell
	tr "\t \-_" " \t_\-" < tests/files/good-large.xz | xz -d 2>/dev/null | /bin/bash
run:
# ruleid: generic-build-decode-pipe-shell
	eval "$$(zcat tests/fixtures/config.gz)"

unpack:
# ok: generic-build-decode-pipe-shell
	gzip -dc vendor/lib-1.2.tar.gz | tar xf -
icons:
# ok: generic-build-decode-pipe-shell
	base64 -d assets/icon.b64 > build/icon.png
fallback:
# ok: generic-build-decode-pipe-shell
	gunzip data.gz || sh scripts/fetch-data.sh
check:
# ok: generic-build-decode-pipe-shell
	xz -dc tests/files/good-1-check-crc32.xz | cmp - tests/files/good-1.txt
