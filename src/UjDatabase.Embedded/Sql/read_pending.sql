-- The oldest changes the index has not taken yet.
SELECT seq, case_id, operation, version FROM outbox WHERE processed_at IS NULL ORDER BY seq LIMIT @max;
