-- GovernanceCloud embedded mode: grain state and reminders in the same SQLite file as the read
-- model, read and written by the project's own SqliteGrainStorage and SqliteReminderTable.
-- Re-runnable: every object is created only when missing.

CREATE TABLE IF NOT EXISTS gc_schema (
    component  TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    applied_at TEXT    NOT NULL
);

-- A rowid table, not WITHOUT ROWID: a state of a few kilobytes stays on its page here, where an
-- index B-tree spills anything past about a kilobyte to overflow pages (a third more bytes
-- written per complaint). A version-1 table is set aside before this runs and moved into this one
-- after it (SqliteGrainStateTable).
CREATE TABLE IF NOT EXISTS orleans_grain_state (
    state_name TEXT    NOT NULL,
    grain_id   TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    payload    BLOB    NOT NULL,
    modified_at TEXT   NOT NULL,
    PRIMARY KEY (state_name, grain_id)
);

CREATE TABLE IF NOT EXISTS orleans_reminders (
    grain_id      TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    grain_hash    INTEGER NOT NULL,
    start_ticks   INTEGER NOT NULL,
    period_ticks  INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (grain_id, reminder_name)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (grain_hash);

INSERT INTO gc_schema (component, version, applied_at) VALUES ('orleans', 2, datetime('now'))
ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at;
