-- Records the last version an import gave out, in the import's transaction.
UPDATE store_state SET value = @version WHERE name = 'last_version';
