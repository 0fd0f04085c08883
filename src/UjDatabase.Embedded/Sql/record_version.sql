-- The stored version of one record (none when it does not exist).
SELECT version FROM cases WHERE id = @id;
