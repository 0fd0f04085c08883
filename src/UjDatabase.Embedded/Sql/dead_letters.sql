-- The changes the index refused for good, with their errors.
SELECT case_id, version, error, failed_at FROM dead_letters ORDER BY case_id;
