-- How many records the store holds.
SELECT COUNT(*) FROM cases;
