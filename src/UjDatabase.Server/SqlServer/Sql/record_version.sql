-- The stored version of one record, locked until the transaction ends so that no other change comes between.
SELECT CAST(row_version AS BIGINT) FROM cases WITH (UPDLOCK, HOLDLOCK) WHERE id = @id;
