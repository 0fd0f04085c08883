-- The index now keeps each event's outcome (for the counting rules). Documents written before lack it, so the index
-- is emptied and every record queued again; the sync worker rebuilds it from the outbox.
DELETE FROM search_fts;
DELETE FROM search_docs;
DELETE FROM search_tombstones;
INSERT INTO outbox (case_id, operation, version, created_at)
SELECT id, 'upsert', version, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM cases;
UPDATE search_state SET value = value + 1 WHERE name = 'generation';
