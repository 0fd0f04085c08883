-- Who holds the sync lease now.
SELECT holder FROM sync_lease WHERE name = 'index-sync';
