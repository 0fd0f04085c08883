-- Empties the dead letters once they are back in the outbox.
DELETE FROM dead_letters;
