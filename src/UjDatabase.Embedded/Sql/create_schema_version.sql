-- The table of migrations run, created before the first migration so that the runner can read it.
CREATE TABLE IF NOT EXISTS schema_version (
    version    TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
) WITHOUT ROWID;
