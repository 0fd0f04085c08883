-- Sets a refused change aside with its error; a later refusal of the same record replaces it.
INSERT INTO dead_letters (case_id, version, error, failed_at) VALUES (@CaseId, @Version, @Error, @at)
ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, error = excluded.error, failed_at = excluded.failed_at
