-- Drafts of whole records (new records, and edits of published ones) beside drafts of developments: the kind says
-- which form the entries belong to. Drafts saved before are developments.
ALTER TABLE drafts ADD COLUMN kind TEXT NOT NULL DEFAULT 'development';
