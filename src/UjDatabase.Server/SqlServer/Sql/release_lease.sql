-- Lets the lease go at once if this holder still has it, so that a syncing node takes it back without waiting.
DELETE FROM sync_lease WHERE name = @name AND holder = @holder;
