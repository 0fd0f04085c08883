-- Changes Elasticsearch refused (an item error other than 409 or 429), set aside with the error so that the sync goes
-- on; one per record, until `ujdb sync --retry-dead` puts them back into the outbox or a later change is indexed.
CREATE TABLE dead_letters (
    case_id   NVARCHAR(120)  NOT NULL CONSTRAINT pk_dead_letters PRIMARY KEY,
    version   BIGINT         NOT NULL,
    error     NVARCHAR(2000) NOT NULL,
    failed_at DATETIMEOFFSET NOT NULL
);
