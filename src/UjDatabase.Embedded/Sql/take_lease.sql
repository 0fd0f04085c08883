-- Takes the lease when it is free, lapsed, or already ours (then renews it). ISO 8601 UTC text compares in time
-- order, so "lapsed" is a string comparison.
INSERT INTO sync_lease (name, holder, expires_at) VALUES ('index-sync', @holder, @until)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE sync_lease.holder = excluded.holder OR sync_lease.expires_at < @now
