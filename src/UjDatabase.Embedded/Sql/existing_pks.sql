-- The row keys of the records of a batch that are already stored.
SELECT pk FROM cases WHERE id IN (SELECT value FROM json_each(@ids));
