#!/bin/sh
# Fixture for generic-build-wipe-root.
# RULEID: recursive rm of the root (bare, quoted, glob, sudo), of the home (tilde, HOME quoted,
#   braced, Make-style), with the no-preserve-root flag, of a system dir after other args, find from
#   the root or home with delete or exec rm.
# OK: recursive rm of paths under system dirs, of a cache in the home, of the temp dir's contents,
#   rm of a build dir followed by cd to the root, rm of one file in the home, find without deletion.

# ruleid: generic-build-wipe-root
rm -rf /
# ruleid: generic-build-wipe-root
rm -fr "/"* 2>/dev/null
# ruleid: generic-build-wipe-root
sudo rm -Rf /* || true
# ruleid: generic-build-wipe-root
rm --recursive --force ~ &
# ruleid: generic-build-wipe-root
rm -rf "$HOME"/*
# ruleid: generic-build-wipe-root
[ -n "$CI" ] || rm -r -f ${HOME}
# ruleid: generic-build-wipe-root
rm -rf --no-preserve-root "$TARGET"
# ruleid: generic-build-wipe-root
rm -rf "$WORKDIR/build" /usr
# ruleid: generic-build-wipe-root
find / -type f -delete
# ruleid: generic-build-wipe-root
find ~ -name '*' -exec rm -f {} +
# ruleid: generic-build-wipe-root
	rm -rf $(HOME)/

# ok: generic-build-wipe-root
rm -rf /usr/share/doc/mypkg
# ok: generic-build-wipe-root
rm -rf ~/.cache/pip
# ok: generic-build-wipe-root
rm -rf /tmp/* /var/lib/apt/lists/*
# ok: generic-build-wipe-root
rm -rf build && cd /
# ok: generic-build-wipe-root
rm -f "$HOME/.npmrc"
# ok: generic-build-wipe-root
find / -name '*.pyc' -print
# ok: generic-build-wipe-root
rm -rf "${pkgdir}/usr/lib/debug"
