-- Puts every dead letter back in the outbox as the record now is (gone since: a delete).
INSERT INTO outbox (case_id, operation, version, created_at)
SELECT d.case_id, CASE WHEN c.id IS NULL THEN 'delete' ELSE 'upsert' END, COALESCE(c.version, d.version), @now
FROM dead_letters d LEFT JOIN cases c ON c.id = d.case_id
