-- Deletes a record; its list rows go with it (ON DELETE CASCADE).
DELETE FROM cases WHERE id = @id;
