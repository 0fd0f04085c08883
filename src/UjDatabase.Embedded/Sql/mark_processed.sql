-- Marks outbox rows (a JSON array of positions) as taken by the index.
UPDATE outbox SET processed_at = @now WHERE seq IN (SELECT value FROM json_each(@list));
