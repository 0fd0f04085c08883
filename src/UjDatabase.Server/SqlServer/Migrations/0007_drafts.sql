-- Developments saved as drafts: the editor's entries (JSON), kept apart from the records until published. No public
-- page, export or index reads this table.
CREATE TABLE drafts (
    id        BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_drafts PRIMARY KEY,
    case_id   NVARCHAR(120)  NOT NULL,
    author    NVARCHAR(64)   NOT NULL,
    saved_at  DATETIMEOFFSET NOT NULL,
    form_json NVARCHAR(MAX)  NOT NULL
);
