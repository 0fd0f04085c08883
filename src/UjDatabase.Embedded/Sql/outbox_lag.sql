-- How far the index is behind: pending changes, the oldest one's time, and the dead letters.
SELECT COUNT(*), MIN(created_at), (SELECT COUNT(*) FROM dead_letters) FROM outbox WHERE processed_at IS NULL;
