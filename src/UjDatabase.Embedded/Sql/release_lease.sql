-- Lets the lease go at once if this holder still has it.
DELETE FROM sync_lease WHERE name = 'index-sync' AND holder = @holder;
