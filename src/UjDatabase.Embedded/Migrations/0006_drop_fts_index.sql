-- The embedded search index moved out of the store into a Lucene index beside it (data/index/), which records the
-- outbox position it has applied. The FTS5 tables and the index's bookkeeping in the store go.
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_docs;
DROP TABLE IF EXISTS search_tombstones;
DROP TABLE IF EXISTS search_state;
