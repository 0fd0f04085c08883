-- The history of the records changed by editors: one row per change, numbered per record, with who, when, what was
-- done, and the whole record before and after the change (interchange JSON), so that each shows what it changed.
CREATE TABLE revisions (
    case_id     NVARCHAR(120)  NOT NULL,
    number      INT            NOT NULL,
    at          DATETIMEOFFSET NOT NULL,
    author      NVARCHAR(64)   NOT NULL,
    action      NVARCHAR(32)   NOT NULL,
    previous_json NVARCHAR(MAX) NULL,
    record_json NVARCHAR(MAX)  NOT NULL,
    CONSTRAINT pk_revisions PRIMARY KEY (case_id, number)
);
