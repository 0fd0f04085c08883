-- The outbox rows of a batch of upserts: @rows is a JSON array of [id, version].
INSERT INTO outbox (case_id, operation, version, created_at) SELECT value ->> 0, 'upsert', value ->> 1, @now FROM json_each(@rows);
