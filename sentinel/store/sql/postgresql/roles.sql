-- Central store access. {agent} is the group role every host's login role belongs to,
-- {reader} the analysts' role; {schema} holds sentinel's tables. Applied by
-- sentinel.store.access.grant (idempotent; run it as the schema owner after migrating).
--
-- Agents may only INSERT, and row-level security pins every row they insert to their own
-- login (submitted_by = current_user), so a compromised host cannot forge rows under
-- another host's role, read anything but its own rollups, or delete anything.
-- Uniqueness is per (submitted_by, uid), so it cannot shadow another host's rows either.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {agent_name}) THEN
        CREATE ROLE {agent} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {reader_name}) THEN
        CREATE ROLE {reader} NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA {schema} TO {agent}, {reader};
-- The forwarder checks the schema version before sending.
GRANT SELECT ON {schema}.schema_version TO {agent};
GRANT INSERT ON {schema}.events, {schema}.rollups, {schema}.alerts, {schema}.scan_contexts,
    {schema}.findings, {schema}.coverage TO {agent};
-- A rollup is re-sent as its hour fills. ON CONFLICT DO UPDATE needs SELECT on every
-- column it reads through `excluded`; the SELECT and UPDATE policies below confine
-- both to the agent's own rows, which it holds locally anyway.
GRANT SELECT, UPDATE (hour, host, account, kind, action, count, bytes, distinct_paths, rev)
    ON {schema}.rollups TO {agent};
GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {reader};

ALTER TABLE {schema}.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.rollups ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.scan_contexts ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.findings ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.coverage ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS agent_insert ON {schema}.events;
CREATE POLICY agent_insert ON {schema}.events FOR INSERT TO {agent} WITH CHECK (submitted_by = current_user);
DROP POLICY IF EXISTS agent_insert ON {schema}.rollups;
CREATE POLICY agent_insert ON {schema}.rollups FOR INSERT TO {agent} WITH CHECK (submitted_by = current_user);
DROP POLICY IF EXISTS agent_insert ON {schema}.alerts;
CREATE POLICY agent_insert ON {schema}.alerts FOR INSERT TO {agent} WITH CHECK (submitted_by = current_user);
DROP POLICY IF EXISTS agent_insert ON {schema}.scan_contexts;
CREATE POLICY agent_insert ON {schema}.scan_contexts FOR INSERT TO {agent}
    WITH CHECK (submitted_by = current_user);
DROP POLICY IF EXISTS agent_insert ON {schema}.findings;
CREATE POLICY agent_insert ON {schema}.findings FOR INSERT TO {agent} WITH CHECK (submitted_by = current_user);
DROP POLICY IF EXISTS agent_insert ON {schema}.coverage;
CREATE POLICY agent_insert ON {schema}.coverage FOR INSERT TO {agent} WITH CHECK (submitted_by = current_user);

DROP POLICY IF EXISTS agent_own_rollups ON {schema}.rollups;
CREATE POLICY agent_own_rollups ON {schema}.rollups FOR SELECT TO {agent} USING (submitted_by = current_user);
DROP POLICY IF EXISTS agent_update_rollups ON {schema}.rollups;
CREATE POLICY agent_update_rollups ON {schema}.rollups FOR UPDATE TO {agent}
    USING (submitted_by = current_user) WITH CHECK (submitted_by = current_user);

DROP POLICY IF EXISTS reader_all ON {schema}.events;
CREATE POLICY reader_all ON {schema}.events FOR SELECT TO {reader} USING (true);
DROP POLICY IF EXISTS reader_all ON {schema}.rollups;
CREATE POLICY reader_all ON {schema}.rollups FOR SELECT TO {reader} USING (true);
DROP POLICY IF EXISTS reader_all ON {schema}.alerts;
CREATE POLICY reader_all ON {schema}.alerts FOR SELECT TO {reader} USING (true);
DROP POLICY IF EXISTS reader_all ON {schema}.scan_contexts;
CREATE POLICY reader_all ON {schema}.scan_contexts FOR SELECT TO {reader} USING (true);
DROP POLICY IF EXISTS reader_all ON {schema}.findings;
CREATE POLICY reader_all ON {schema}.findings FOR SELECT TO {reader} USING (true);
DROP POLICY IF EXISTS reader_all ON {schema}.coverage;
CREATE POLICY reader_all ON {schema}.coverage FOR SELECT TO {reader} USING (true);
