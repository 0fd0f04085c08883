-- A reindex takes the lease whoever holds it (the syncing node then pauses); taking it again renews it.
MERGE sync_lease WITH (HOLDLOCK) AS target
USING (SELECT @name AS name) AS source ON target.name = source.name
WHEN MATCHED THEN
    UPDATE SET holder = @holder, expires_at = DATEADD(MILLISECOND, @milliseconds, SYSUTCDATETIME())
WHEN NOT MATCHED THEN
    INSERT (name, holder, expires_at) VALUES (@name, @holder, DATEADD(MILLISECOND, @milliseconds, SYSUTCDATETIME()));
