#!/bin/sh
# Incident: Alpine Linux Docker images, CVE-2019-5021 (2019): the account setup of the image
# build wrote root's shadow entry with an empty password instead of a locked one ("!").
# Reference: https://alpinelinux.org/posts/Docker-image-vulnerability-CVE-2019-5021.html
# Reproduction (own code, placeholder host).
set -eu

days=$(( $(date +%s) / 86400 ))

cat > /etc/passwd <<PASSWD
root:x:0:0:root:/root:/bin/ash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
PASSWD

# The regression: root gets an empty password field; the system accounts stay locked.
cat > /etc/shadow <<SHADOW
root::${days}:0:::::
bin:!::0:::::
daemon:!::0:::::
nobody:!::0:::::
SHADOW
chmod 640 /etc/shadow

# Older builds had "passwd -l root" here; it was removed when the script was reorganised.
echo "accounts written" >&2
