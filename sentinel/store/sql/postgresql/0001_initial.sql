-- sentinel store, PostgreSQL engine: the same tables and columns as the SQLite engine,
-- with timestamptz, jsonb and bigint. Every table also has submitted_by, the database
-- role that inserted the row; uniqueness is per submitter and the row-level policies in
-- roles.sql key on it, so one agent can neither read, change nor shadow another's rows.
-- Only metadata is kept: paths, sizes, argv, never file contents.

CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- The raw table is the volume: indexed by time and by account (append-mostly, so the
-- time index stays cheap to maintain; partition by month if it grows past a few billion).
CREATE TABLE events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid           text NOT NULL DEFAULT gen_random_uuid()::text,
    submitted_by  text NOT NULL DEFAULT current_user,
    ts            timestamptz NOT NULL,
    host          text NOT NULL,
    account       text NOT NULL,
    kind          text NOT NULL,
    action        text NOT NULL,
    path          text NOT NULL DEFAULT '',
    dest_path     text NOT NULL DEFAULT '',
    argv          jsonb NOT NULL DEFAULT '[]',
    remote        text NOT NULL DEFAULT '',
    bytes         bigint NOT NULL DEFAULT 0,
    pid           integer,
    attributed_by text NOT NULL DEFAULT '',
    detail        text NOT NULL DEFAULT '',
    UNIQUE (submitted_by, uid)
);
CREATE INDEX events_ts ON events (ts);
CREATE INDEX events_account_ts ON events (account, ts);

CREATE TABLE rollups (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid            text NOT NULL,
    submitted_by   text NOT NULL DEFAULT current_user,
    hour           timestamptz NOT NULL,
    host           text NOT NULL,
    account        text NOT NULL,
    kind           text NOT NULL,
    action         text NOT NULL,
    count          bigint NOT NULL,
    bytes          bigint NOT NULL,
    distinct_paths bigint NOT NULL,
    rev            bigint NOT NULL,
    UNIQUE (submitted_by, uid)
);
CREATE INDEX rollups_hour ON rollups (hour);
CREATE INDEX rollups_account_hour ON rollups (account, hour);
CREATE INDEX rollups_rev ON rollups (rev, id);
CREATE SEQUENCE rollup_rev;

CREATE TABLE rollup_paths (
    rollup_id bigint NOT NULL,
    path_hash bigint NOT NULL,
    PRIMARY KEY (rollup_id, path_hash)
);

CREATE TABLE alerts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid           text NOT NULL,
    submitted_by  text NOT NULL DEFAULT current_user,
    created       timestamptz NOT NULL,
    detector      text NOT NULL,
    severity      text NOT NULL,
    account       text NOT NULL,
    role          text NOT NULL,
    host          text NOT NULL,
    window_start  timestamptz NOT NULL,
    window_end    timestamptz NOT NULL,
    message       text NOT NULL,
    attack        text NOT NULL DEFAULT '',
    evidence      jsonb NOT NULL DEFAULT '[]',
    base_severity text,
    escalation    text NOT NULL DEFAULT '',
    extra         jsonb NOT NULL DEFAULT '[]',
    UNIQUE (submitted_by, uid)
);
CREATE INDEX alerts_window_end ON alerts (window_end);
CREATE INDEX alerts_account ON alerts (account, window_end);

CREATE TABLE scan_contexts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid          text NOT NULL,
    submitted_by text NOT NULL DEFAULT current_user,
    repository   text NOT NULL,
    base         text NOT NULL DEFAULT '',
    head         text NOT NULL DEFAULT '',
    pipeline     text NOT NULL DEFAULT '',
    host         text NOT NULL DEFAULT '',
    ts           timestamptz NOT NULL,
    UNIQUE (submitted_by, uid)
);

CREATE TABLE findings (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid           text NOT NULL,
    submitted_by  text NOT NULL DEFAULT current_user,
    context_uid   text NOT NULL,
    ts            timestamptz NOT NULL,
    rule_id       text NOT NULL,
    severity      text NOT NULL,
    message       text NOT NULL,
    path          text NOT NULL,
    line          integer,
    end_line      integer,
    snippet       text NOT NULL DEFAULT '',
    confidence    text NOT NULL DEFAULT '',
    category      text NOT NULL DEFAULT '',
    cwe           jsonb NOT NULL DEFAULT '[]',
    attack        jsonb NOT NULL DEFAULT '[]',
    commit_ref    jsonb,
    account       text NOT NULL,
    role          text NOT NULL,
    base_severity text,
    escalation    text NOT NULL DEFAULT '',
    evidence      jsonb NOT NULL DEFAULT '[]',
    fingerprint   text NOT NULL,
    UNIQUE (submitted_by, uid)
);
CREATE INDEX findings_ts ON findings (ts);
CREATE INDEX findings_account ON findings (account, ts);
CREATE INDEX findings_context ON findings (context_uid);

CREATE TABLE coverage (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid          text NOT NULL,
    submitted_by text NOT NULL DEFAULT current_user,
    ts           timestamptz NOT NULL,
    host         text NOT NULL,
    source       text NOT NULL,
    kind         text NOT NULL,
    count        bigint NOT NULL DEFAULT 0,
    detail       text NOT NULL DEFAULT '',
    UNIQUE (submitted_by, uid)
);
CREATE INDEX coverage_ts ON coverage (ts);

CREATE TABLE outbox (
    stream    text PRIMARY KEY,
    last_rev  bigint NOT NULL DEFAULT 0,
    last_id   bigint NOT NULL DEFAULT 0,
    forwarded bigint NOT NULL DEFAULT 0,
    dropped   bigint NOT NULL DEFAULT 0
);
