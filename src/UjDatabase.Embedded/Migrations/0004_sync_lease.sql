-- Who may drain the outbox into a shared (Elasticsearch) index, and until when. The embedded index itself needs no
-- lease: its sync is one IMMEDIATE transaction, so two processes take turns.
CREATE TABLE sync_lease (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
