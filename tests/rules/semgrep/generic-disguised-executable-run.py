# Fixture for generic-disguised-executable-run (Python).
# RULEID: a data-file payload renamed to a screensaver executable, then os.startfile.
# OK: shutil.copy of a README.txt to the docs folder.
import os
import shutil

here = os.path.dirname(__file__)
# ruleid: generic-disguised-executable-run
os.rename(os.path.join(here, "data", "cache.dat"), os.path.join(os.environ["APPDATA"], "svc.scr"))
os.startfile(os.path.join(os.environ["APPDATA"], "svc.scr"))
# ok: generic-disguised-executable-run
shutil.copy(os.path.join(here, "README.txt"), os.path.join(here, "docs", "README.txt"))
