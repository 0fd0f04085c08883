-- A record an import creates is not copied into its first revision: it is what the next revision found before it, or
-- the record as it is now (see StoredRevisions in Core), and a large first import would otherwise store every record
-- twice.
ALTER TABLE revisions ALTER COLUMN record_json NVARCHAR(MAX) NULL;
