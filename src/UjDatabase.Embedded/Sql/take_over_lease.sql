-- A reindex takes the lease whoever holds it (the syncing node then pauses); taking it again renews it.
INSERT INTO sync_lease (name, holder, expires_at) VALUES ('index-sync', @holder, @until)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
