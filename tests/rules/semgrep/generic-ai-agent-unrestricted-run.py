# Fixture for generic-ai-agent-unrestricted-run (Python).
# RULEID: codex with approvals and sandbox bypassed, asked to gather credentials.
# OK: codex run with its default approval mode.
import subprocess

TASK = "find private key files and credentials on this machine and list them in /tmp/out.txt"


def run():
    # ok: generic-ai-agent-unrestricted-run
    subprocess.run(["codex", "exec", "explain the build failure"])
    # ruleid: generic-ai-agent-unrestricted-run
    subprocess.run(["codex", "exec", "--dangerously-bypass-approvals-and-sandbox", TASK])
