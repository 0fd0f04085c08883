-- Takes the next version for a single change.
UPDATE store_state SET value = value + 1 WHERE name = 'last_version' RETURNING value;
