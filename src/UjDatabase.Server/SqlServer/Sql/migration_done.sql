-- Whether a migration has run; the lock keeps a second process from running it at the same time.
SELECT COUNT(*) FROM schema_version WITH (UPDLOCK, HOLDLOCK) WHERE version = @name;
