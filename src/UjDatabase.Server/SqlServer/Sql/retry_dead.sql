-- Every change set aside goes back into the outbox as the record is now (deleted since: a delete), then the letters go.
INSERT INTO outbox (case_id, operation, version)
SELECT d.case_id, CASE WHEN c.id IS NULL THEN 'delete' ELSE 'upsert' END, d.version
FROM dead_letters d LEFT JOIN cases c ON c.id = d.case_id;
DECLARE @requeued INT = @@ROWCOUNT;
DELETE FROM dead_letters;
SELECT @requeued;
