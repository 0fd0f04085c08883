-- The table of migrations run, created before the first migration so that the runner can read it.
IF OBJECT_ID('schema_version') IS NULL
    CREATE TABLE schema_version (version NVARCHAR(200) NOT NULL PRIMARY KEY, applied_at DATETIMEOFFSET NOT NULL);
