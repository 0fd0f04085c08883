-- Which of these ids (a list Dapper expands) the store holds.
SELECT id FROM cases WHERE id IN @chunk;
