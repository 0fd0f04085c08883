-- The outbox position now.
SELECT MAX(seq) FROM outbox;
