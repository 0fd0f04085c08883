-- Records a migration as run, in its transaction.
INSERT INTO schema_version (version, applied_at) VALUES (@name, SYSUTCDATETIME());
