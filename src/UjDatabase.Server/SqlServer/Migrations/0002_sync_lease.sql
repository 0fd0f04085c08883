-- Who may drain the outbox into Elasticsearch, and until when: with several web nodes, one syncs at a time.
CREATE TABLE sync_lease (
    name       NVARCHAR(100)  NOT NULL CONSTRAINT pk_sync_lease PRIMARY KEY,
    holder     NVARCHAR(200)  NOT NULL,
    expires_at DATETIMEOFFSET NOT NULL
);
