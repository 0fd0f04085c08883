-- Appends a write's revisions, a batch at a time, in the write's transaction. Each item of @rows is
-- [case id, the whole record before (null for a new record), the whole record after], as interchange JSON; each
-- revision is numbered after its record's last (a batch holds no record twice).
INSERT INTO revisions (case_id, number, at, author, action, previous_json, record_json)
SELECT value ->> 0,
       COALESCE((SELECT MAX(number) FROM revisions WHERE case_id = value ->> 0), 0) + 1,
       @at, @author, @action, value ->> 1, value ->> 2
FROM json_each(@rows);
