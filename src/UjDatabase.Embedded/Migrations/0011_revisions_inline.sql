-- Revisions hold whole records (a kilobyte or two of JSON each, twice for a change). In a WITHOUT ROWID table a row
-- that large spills to an overflow page of its own: 100,000 imported records took 485 MB for 167 MB of JSON. A rowid
-- table keeps such rows on the table's pages; the key becomes a unique index. A record an import creates is not copied
-- into its first revision (record_json is null; see StoredRevisions in Core).
CREATE TABLE revisions_inline (
    case_id     TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    at          TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    previous_json TEXT,
    record_json TEXT
);
INSERT INTO revisions_inline (case_id, number, at, author, action, previous_json, record_json)
SELECT case_id, number, at, author, action, previous_json, record_json FROM revisions ORDER BY case_id, number;
DROP TABLE revisions;
ALTER TABLE revisions_inline RENAME TO revisions;
CREATE UNIQUE INDEX revisions_by_case ON revisions (case_id, number);
