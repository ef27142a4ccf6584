-- GovernanceCloud cluster mode: the tables and stored queries that Orleans' ADO.NET providers
-- (clustering, grain persistence, reminders; 10.4.x, invariant "Npgsql") read on PostgreSQL.
-- Written for this project against the providers' parameter names and result columns.
-- Re-runnable: tables are created only when missing, queries are replaced, the version is upserted.
-- Every parameter carries an explicit cast so PostgreSQL never has to guess a type from a NULL.

CREATE TABLE IF NOT EXISTS gc_schema (
    component  varchar(64) PRIMARY KEY,
    version    integer     NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id varchar(150) PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id  varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address        varchar(45)  NOT NULL,
    port           integer      NOT NULL,
    generation     integer      NOT NULL,
    silo_name      varchar(150) NOT NULL,
    host_name      varchar(150) NOT NULL,
    status         integer      NOT NULL,
    proxy_port     integer      NOT NULL,
    suspect_times  text,
    start_time     timestamptz  NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id   varchar(150) NOT NULL,
    state_name   varchar(512) NOT NULL,
    grain_id_n0  bigint       NOT NULL,
    grain_id_n1  bigint       NOT NULL,
    grain_id_ext varchar(512) NOT NULL,
    version      integer      NOT NULL,
    payload      bytea,
    modified_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_id_ext, grain_id_n0, grain_id_n1)
);

CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(512) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);

-- Clustering -------------------------------------------------------------------------------------

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId::varchar)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created);
$q$),
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId::varchar AND version = @Version::int
      AND NOT EXISTS (SELECT 1 FROM orleans_membership
                      WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
                        AND port = @Port::int AND generation = @Generation::int)
    RETURNING deployment_id),
inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address::varchar, @Port::int, @Generation::int, @SiloName::varchar, @HostName::varchar,
           @Status::int, @ProxyPort::int, @StartTime::timestamptz, @IAmAliveTime::timestamptz
    FROM bumped
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted);
$q$),
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId::varchar AND version = @Version::int
    RETURNING deployment_id),
updated AS (
    UPDATE orleans_membership AS m
    SET status = @Status::int, suspect_times = @SuspectTimes::text, i_am_alive_time = @IAmAliveTime::timestamptz
    FROM bumped
    WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address::varchar
      AND m.port = @Port::int AND m.generation = @Generation::int
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM updated);
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime::timestamptz
WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
  AND port = @Port::int AND generation = @Generation::int;
$q$),
('MembershipReadRowKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m
       ON m.deployment_id = v.deployment_id AND m.address = @Address::varchar
      AND m.port = @Port::int AND m.generation = @Generation::int
WHERE v.deployment_id = @DeploymentId::varchar;
$q$),
('MembershipReadAllKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId::varchar;
$q$),
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId::varchar AND status = @Status::int AND proxy_port > 0;
$q$),
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId::varchar;
$q$),
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId::varchar AND i_am_alive_time < @IAmAliveTime::timestamptz AND status <> 3;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Grain persistence --------------------------------------------------------------------------------
-- A row is one grain's state under one state name. Version is the ETag: a write must name the
-- version it read, and answers the new one; any mismatch returns no row, which the provider
-- reports as an InconsistentStateException.

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
  AND grain_id_ext = COALESCE(@GrainIdExtensionString::varchar, '')
  AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint;
$q$),
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary::bytea, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion::int IS NOT NULL AND version = @GrainStateVersion::int
      AND service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
      AND grain_id_ext = COALESCE(@GrainIdExtensionString::varchar, '')
      AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, version, payload)
    SELECT @ServiceId::varchar, @GrainTypeString::varchar, @GrainIdN0::bigint, @GrainIdN1::bigint,
           COALESCE(@GrainIdExtensionString::varchar, ''), 1, @PayloadBinary::bytea
    WHERE @GrainStateVersion::int IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted;
$q$),
('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE version = @GrainStateVersion::int
  AND service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
  AND grain_id_ext = COALESCE(@GrainIdExtensionString::varchar, '')
  AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
RETURNING version;
$q$),
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE version = @GrainStateVersion::int
  AND service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
  AND grain_id_ext = COALESCE(@GrainIdExtensionString::varchar, '')
  AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
RETURNING version + 1;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Reminders ---------------------------------------------------------------------------------------
-- Grain hashes arrive as signed integers; ReadRangeRows1 is the non-wrapping range (begin, end],
-- ReadRangeRows2 the range that wraps around the end of the ring.

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId::varchar, @GrainId::varchar, @ReminderName::varchar, @StartTime::timestamptz,
        @Period::bigint, @GrainHash::int, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
    version = orleans_reminders.version + 1
RETURNING version AS "Version";
$q$),
('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar;
$q$),
('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar AND reminder_name = @ReminderName::varchar;
$q$),
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::varchar AND grain_hash > @BeginHash::int AND grain_hash <= @EndHash::int;
$q$),
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::varchar AND (grain_hash > @BeginHash::int OR grain_hash <= @EndHash::int);
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar
      AND reminder_name = @ReminderName::varchar AND version = @Version::int
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId::varchar;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO gc_schema (component, version) VALUES ('orleans', 2)
ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = now();
