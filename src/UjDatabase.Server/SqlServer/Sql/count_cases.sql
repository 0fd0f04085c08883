-- How many records the store holds.
SELECT COUNT_BIG(*) FROM cases;
