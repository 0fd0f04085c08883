-- Developments saved as drafts: the editor's entries (JSON), kept apart from the records until published. No public
-- page, export or index reads this table.
CREATE TABLE drafts (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   TEXT    NOT NULL,
    author    TEXT    NOT NULL,
    saved_at  TEXT    NOT NULL,
    form_json TEXT    NOT NULL
);
