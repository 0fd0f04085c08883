-- The staging table SqlBulkCopy fills with a write's revisions before add_revisions.sql; it lives for the connection.
CREATE TABLE #revisions_in (
    case_id NVARCHAR(120) NOT NULL PRIMARY KEY, previous_json NVARCHAR(MAX) NULL, record_json NVARCHAR(MAX) NULL
);
