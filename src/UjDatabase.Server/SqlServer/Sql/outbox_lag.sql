-- How many changes wait for the index, when the oldest was made, and how many were set aside.
SELECT COUNT_BIG(*) AS Pending, MIN(created_at) AS OldestPending, (SELECT COUNT_BIG(*) FROM dead_letters) AS DeadLetters
FROM outbox WHERE processed_at IS NULL;
