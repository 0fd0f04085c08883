-- Keeps one change the index refused, replacing an older one of the same record.
MERGE dead_letters WITH (HOLDLOCK) AS target
USING (SELECT @caseId AS case_id) AS source ON target.case_id = source.case_id
WHEN MATCHED THEN UPDATE SET version = @version, error = LEFT(@error, 2000), failed_at = SYSUTCDATETIME()
WHEN NOT MATCHED THEN INSERT (case_id, version, error, failed_at) VALUES (@caseId, @version, LEFT(@error, 2000), SYSUTCDATETIME());
