-- The migrations a store has had.
SELECT version FROM schema_version;
