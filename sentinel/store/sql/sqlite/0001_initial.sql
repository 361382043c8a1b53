-- sentinel store, SQLite engine. Times are INTEGER microseconds since the epoch (UTC),
-- JSON columns are TEXT. Only metadata is kept: paths, sizes, argv, never file contents.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One observed activity. The raw table is the volume: indexed by time and by account.
-- uid stays NULL for rows recorded here; forwarding names them <store_id>:<id>.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    uid           TEXT,
    ts            INTEGER NOT NULL,
    host          TEXT NOT NULL,
    account       TEXT NOT NULL,
    kind          TEXT NOT NULL,
    action        TEXT NOT NULL,
    path          TEXT NOT NULL DEFAULT '',
    dest_path     TEXT NOT NULL DEFAULT '',
    argv          TEXT NOT NULL DEFAULT '[]',
    remote        TEXT NOT NULL DEFAULT '',
    bytes         INTEGER NOT NULL DEFAULT 0,
    pid           INTEGER,
    attributed_by TEXT NOT NULL DEFAULT '',
    detail        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_ts ON events (ts);
CREATE INDEX events_account_ts ON events (account, ts);
CREATE UNIQUE INDEX events_uid ON events (uid) WHERE uid IS NOT NULL;

-- Hourly counts per host/account/kind/action, kept longer than raw events.
-- rev increases with every change so the forwarder can send what changed since last time.
CREATE TABLE rollups (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    hour           INTEGER NOT NULL,
    host           TEXT NOT NULL,
    account        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    action         TEXT NOT NULL,
    count          INTEGER NOT NULL,
    bytes          INTEGER NOT NULL,
    distinct_paths INTEGER NOT NULL,
    rev            INTEGER NOT NULL
);
CREATE INDEX rollups_hour ON rollups (hour);
CREATE INDEX rollups_account_hour ON rollups (account, hour);
CREATE INDEX rollups_rev ON rollups (rev, id);

-- 64-bit hashes of the paths already counted in a rollup, so distinct_paths stays
-- exact while events arrive in batches. Purged with the raw events.
CREATE TABLE rollup_paths (
    rollup_id INTEGER NOT NULL,
    path_hash INTEGER NOT NULL,
    PRIMARY KEY (rollup_id, path_hash)
) WITHOUT ROWID;

CREATE TABLE alerts (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    created       INTEGER NOT NULL,
    detector      TEXT NOT NULL,
    severity      TEXT NOT NULL,
    account       TEXT NOT NULL,
    role          TEXT NOT NULL,
    host          TEXT NOT NULL,
    window_start  INTEGER NOT NULL,
    window_end    INTEGER NOT NULL,
    message       TEXT NOT NULL,
    attack        TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '[]',
    base_severity TEXT,
    escalation    TEXT NOT NULL DEFAULT '',
    extra         TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX alerts_window_end ON alerts (window_end);
CREATE INDEX alerts_account ON alerts (account, window_end);

-- Where findings came from: a CI run, a hook, a watched repository.
CREATE TABLE scan_contexts (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    repository TEXT NOT NULL,
    base       TEXT NOT NULL DEFAULT '',
    head       TEXT NOT NULL DEFAULT '',
    pipeline   TEXT NOT NULL DEFAULT '',
    host       TEXT NOT NULL DEFAULT '',
    ts         INTEGER NOT NULL
);

CREATE TABLE findings (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    context_uid   TEXT NOT NULL,
    ts            INTEGER NOT NULL,
    rule_id       TEXT NOT NULL,
    severity      TEXT NOT NULL,
    message       TEXT NOT NULL,
    path          TEXT NOT NULL,
    line          INTEGER,
    end_line      INTEGER,
    snippet       TEXT NOT NULL DEFAULT '',
    confidence    TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL DEFAULT '',
    cwe           TEXT NOT NULL DEFAULT '[]',
    attack        TEXT NOT NULL DEFAULT '[]',
    commit_ref    TEXT,
    account       TEXT NOT NULL,
    role          TEXT NOT NULL,
    base_severity TEXT,
    escalation    TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '[]',
    fingerprint   TEXT NOT NULL
);
CREATE INDEX findings_ts ON findings (ts);
CREATE INDEX findings_account ON findings (account, ts);
CREATE INDEX findings_context ON findings (context_uid);

-- What the store knows it did not see or could not keep (spool drops, purged
-- unforwarded rows): gaps are a signal, not a secret.
CREATE TABLE coverage (
    id     INTEGER PRIMARY KEY,
    uid    TEXT NOT NULL UNIQUE,
    ts     INTEGER NOT NULL,
    host   TEXT NOT NULL,
    source TEXT NOT NULL,
    kind   TEXT NOT NULL,
    count  INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX coverage_ts ON coverage (ts);

-- Forwarding position per stream: rows after (last_rev, last_id) are still to send.
CREATE TABLE outbox (
    stream    TEXT PRIMARY KEY,
    last_rev  INTEGER NOT NULL DEFAULT 0,
    last_id   INTEGER NOT NULL DEFAULT 0,
    forwarded INTEGER NOT NULL DEFAULT 0,
    dropped   INTEGER NOT NULL DEFAULT 0
);
