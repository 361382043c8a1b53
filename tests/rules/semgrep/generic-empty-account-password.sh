#!/bin/sh
# RULEID: shadow heredoc with root's field empty, passwd -d, usermod -p '', chpasswd with an
#         empty password, PermitEmptyPasswords yes, PAM nullok added
# OK: locked system accounts, passwd -l, a password set through chpasswd from a secret, sshd
#     hardening, a passwd file line (x in the password field)
set -eu

cat > /etc/shadow <<SHADOW
# ruleid: generic-empty-account-password
root::${days}:0:::::
# ok: generic-empty-account-password
bin:!::0:::::
# ok: generic-empty-account-password
daemon:*:19000:0:99999:7:::
SHADOW

# ruleid: generic-empty-account-password
passwd -d root
# ruleid: generic-empty-account-password
usermod -p '' builder
# ruleid: generic-empty-account-password
echo "ci:" | chpasswd
# ruleid: generic-empty-account-password
echo 'PermitEmptyPasswords yes' >> /etc/ssh/sshd_config
# ruleid: generic-empty-account-password
sed -i 's/pam_unix.so/pam_unix.so nullok/' /etc/pam.d/common-auth

# ok: generic-empty-account-password
passwd -l root
# ok: generic-empty-account-password
echo "deploy:${DEPLOY_PASSWORD}" | chpasswd
# ok: generic-empty-account-password
sed -i 's/^#\?PermitEmptyPasswords.*/PermitEmptyPasswords no/' /etc/ssh/sshd_config
# ok: generic-empty-account-password
echo "app:x:1000:1000::/home/app:/bin/sh" >> /etc/passwd
