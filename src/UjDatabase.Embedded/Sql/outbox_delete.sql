-- The outbox row of a delete, in the delete's transaction.
INSERT INTO outbox (case_id, operation, version, created_at) VALUES (@id, 'delete', @version, @now);
