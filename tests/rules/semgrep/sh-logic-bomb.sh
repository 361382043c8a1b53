#!/bin/bash
# Fixture for sh-logic-bomb.
# RULEID: deletion after a date test, wipe on a specific hostname, DROP for a user.
# OK: build cleanup with no gate, a date check that only prints.

# ruleid: sh-logic-bomb
if [ "$(date +%Y%m%d)" -ge 20260901 ]; then
  rm -rf /srv/app/data
fi

# ruleid: sh-logic-bomb
if [[ "$(hostname)" == "db-prod-1" ]]; then
  dd if=/dev/zero of=/dev/sda bs=1M count=100
fi

# ruleid: sh-logic-bomb
[ "$USER" = "svc-backup" ] && psql -c "DROP TABLE audit_log"

# ok: sh-logic-bomb
rm -rf build/ dist/
# ok: sh-logic-bomb
if [ "$(date +%m)" -eq 12 ]; then echo "holiday freeze"; fi
