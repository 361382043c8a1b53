"""The endpoint agent: sources turn system signals into Events, the daemon
persists them in batches and then runs the detectors over them.

Event vocabulary (kind / action), shared by sources and detectors:

- file / read, write, create, move, delete: watched trees; `bytes` is the
  file's size; reads are recorded when the file is closed without writing.
  A write whose `detail` starts with `reconstructed:` was rebuilt by the
  new-directory rescan (sources/rescan.py), not seen as it happened.
- transfer / write, create, move: the same under a removable or network mount
  (`dest_path` is the mount point).
- repo / commit, remote-added, push, clone, bundle, archive: watched repositories
  (`path` the repository, `remote` the URL as configured, `dest_path` as used).
- mount / mounted, unmounted: destination mounts appearing (`detail` fstype).
- process / exec: argv, `path` the executable, `detail` `cwd=.. ppid=.. uid=..
  auid=..`; from Linux audit when available, else the psutil poller
  (sources/processes.py; its detail says `source=poll every N s`).
- network / connect: `remote` ip:port, from audit (or the poller without it).
- network / sent: `bytes` a TCP socket sent to `remote` (at close, or so far
  for a long connection); sources/network.py documents the error bars.
- network / interface-up: a VPN/tunnel interface (`path` its name) appeared.
- coverage / agent-start, agent-stop, unclean-stop, heartbeat, heartbeat-gap,
  inotify-overflow, queue-full (`detail` per kind), audit-lost,
  audit-unavailable, watch-error, watch-race (`bytes` writes rebuilt by the
  rescan), source-error, reload: what the agent could or could not see.

`attributed_by` says how `account` was chosen: audit-auid, host-account,
path-owner, or agent (events about the agent itself).
"""
