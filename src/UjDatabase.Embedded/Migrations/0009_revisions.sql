-- The history of the records changed by editors: one row per change, numbered per record, with who, when, what was
-- done, and the whole record before and after the change (interchange JSON), so that each shows what it changed.
CREATE TABLE revisions (
    case_id     TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    at          TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    previous_json TEXT,
    record_json TEXT    NOT NULL,
    PRIMARY KEY (case_id, number)
) WITHOUT ROWID;
