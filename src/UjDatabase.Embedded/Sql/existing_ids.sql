-- Which of these ids (a JSON array) the store holds.
SELECT id FROM cases WHERE id IN (SELECT value FROM json_each(@ids));
