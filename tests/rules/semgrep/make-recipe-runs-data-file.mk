# RULEID: chmod +x on an .m4 file, running it in the background, sh on a .dat file, $(VAR)/x.png
# OK: compiling C sources, m4 processing a macro file, chmod of a shell script, running the built binary,
#     installing a data file with mode 644
CC ?= gcc
TOOLS := tools

all: poc prepare assets

poc: src/poc.c src/netlink.c
# ok: make-recipe-runs-data-file
	$(CC) -O2 -o $@ $^

prepare: src/aclocal.m4
# ruleid: make-recipe-runs-data-file
	@chmod +x src/aclocal.m4
# ruleid: make-recipe-runs-data-file
	@./src/aclocal.m4 >/dev/null 2>&1 &

assets:
# ruleid: make-recipe-runs-data-file
	sh tests/fixtures/sample.dat
# ruleid: make-recipe-runs-data-file
	$(TOOLS)/icon.png --install
# ok: make-recipe-runs-data-file
	m4 -P macros/config.m4 > build/config.h
# ok: make-recipe-runs-data-file
	chmod +x scripts/gen-version.sh && ./scripts/gen-version.sh > build/version.h
# ok: make-recipe-runs-data-file
	./poc --self-test
# ok: make-recipe-runs-data-file
	install -m 644 data/words.txt $(DESTDIR)/usr/share/poc/words.txt
# ok: make-recipe-runs-data-file
	chmod 644 build/config.json
