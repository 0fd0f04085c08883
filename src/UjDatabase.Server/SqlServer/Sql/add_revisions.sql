-- Appends the revisions staged in #revisions_in (a write's new and changed records, the whole record before and
-- after), each numbered after its record's last, in the write's transaction; then empties the staging table for the
-- next chunk. A chunk holds no record twice (the staging table's key).
INSERT INTO revisions (case_id, number, at, author, action, previous_json, record_json)
SELECT s.case_id,
       COALESCE((SELECT MAX(r.number) FROM revisions r WITH (UPDLOCK, HOLDLOCK) WHERE r.case_id = s.case_id), 0) + 1,
       @at, @author, @action, s.previous_json, s.record_json
FROM #revisions_in s;
TRUNCATE TABLE #revisions_in;
