-- The version the last write gave out; every write takes the next ones.
SELECT value FROM store_state WHERE name = 'last_version';
