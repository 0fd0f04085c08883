-- Whether a migration has run.
SELECT COUNT(*) FROM schema_version WHERE version = @name;
