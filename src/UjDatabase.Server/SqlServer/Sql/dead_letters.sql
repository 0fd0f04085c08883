SELECT case_id AS CaseId, version AS Version, error AS Error, failed_at AS FailedAt FROM dead_letters ORDER BY case_id;
