-- Deletes a record and queues the deletion with a fresh version from the version clock; returns 1 if it existed.
DECLARE @deleted INT;
DELETE FROM cases WHERE id = @id;
SET @deleted = @@ROWCOUNT;
IF @deleted > 0
BEGIN
    DECLARE @version TABLE (value BIGINT);
    UPDATE version_clock SET ticks = ticks + 1 OUTPUT CAST(inserted.row_version AS BIGINT) INTO @version WHERE id = 1;
    INSERT INTO outbox (case_id, operation, version) SELECT @id, 'delete', value FROM @version;
END;
SELECT @deleted;
