-- How many changes wait for the index, and when the oldest was made.
SELECT COUNT_BIG(*) AS Pending, MIN(created_at) AS OldestPending
FROM outbox WHERE processed_at IS NULL;
