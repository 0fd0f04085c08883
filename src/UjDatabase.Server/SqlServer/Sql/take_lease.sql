-- Takes the lease when it is free, lapsed, or already ours (then renews it); returns 1 when we hold it.
MERGE sync_lease WITH (HOLDLOCK) AS target
USING (SELECT @name AS name) AS source ON target.name = source.name
WHEN MATCHED AND (target.holder = @holder OR target.expires_at < SYSUTCDATETIME()) THEN
    UPDATE SET holder = @holder, expires_at = DATEADD(MILLISECOND, @milliseconds, SYSUTCDATETIME())
WHEN NOT MATCHED THEN
    INSERT (name, holder, expires_at) VALUES (@name, @holder, DATEADD(MILLISECOND, @milliseconds, SYSUTCDATETIME()));
SELECT CASE WHEN holder = @holder THEN 1 ELSE 0 END FROM sync_lease WHERE name = @name;
