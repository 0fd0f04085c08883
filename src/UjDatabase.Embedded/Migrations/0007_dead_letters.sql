-- Changes the index refused (a document it cannot take), set aside with the error so that the sync goes on; one per
-- record, until `ujdb sync --retry-dead` puts them back into the outbox or a later change of the record is indexed.
CREATE TABLE dead_letters (
    case_id   TEXT    PRIMARY KEY,
    version   INTEGER NOT NULL,
    error     TEXT    NOT NULL,
    failed_at TEXT    NOT NULL
) WITHOUT ROWID;
