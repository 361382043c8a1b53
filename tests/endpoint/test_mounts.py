from __future__ import annotations

from sentinel.endpoint.sources import mounts
from sentinel.model import Event

MOUNTINFO = """\
22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
40 22 0:35 / /media/alice/USB\\040STICK rw,nosuid shared:20 - vfat /dev/sdb1 rw
41 22 0:36 / /srv/share rw shared:21 - nfs4 fs1:/export rw
42 22 0:37 / /home/alice/.cache rw shared:22 - tmpfs tmpfs rw
"""


def test_parse_unescapes_and_picks_destinations() -> None:
    parsed = mounts.parse(MOUNTINFO)
    assert [m.point for m in parsed][1] == "/media/alice/USB STICK"
    found = mounts.destinations(parsed, ("/media", "/mnt"))
    assert sorted(found) == ["/media/alice/USB STICK", "/srv/share"]


def test_poll_reports_new_and_removed_destinations() -> None:
    text = {"value": MOUNTINFO.splitlines()[0] + "\n"}
    events: list[Event] = []
    changes: list[tuple[list[str], list[str]]] = []
    source = mounts.MountSource(
        host="h",
        account=lambda path: ("alice", "host-account"),
        roots=("/media",),
        emit=events.append,
        on_change=lambda added, removed: changes.append((sorted(added), sorted(removed))),
        read_mountinfo=lambda: text["value"],
    )
    source.poll(announce=False)
    text["value"] = MOUNTINFO
    source.poll()
    text["value"] = MOUNTINFO.replace("/srv/share", "/srv/other").replace(" - nfs4", " - ext4")
    source.poll()
    assert changes == [(["/media/alice/USB STICK", "/srv/share"], []), ([], ["/srv/share"])]
    assert [(e.kind, e.action, e.path) for e in events] == [
        ("mount", "mounted", "/media/alice/USB STICK"),
        ("mount", "mounted", "/srv/share"),
        ("mount", "unmounted", "/srv/share"),
    ]
    assert events[0].detail == "vfat /dev/sdb1"
