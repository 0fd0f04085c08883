-- Appends a revision, in the transaction of the change it records.
INSERT INTO revisions (case_id, number, at, author, action, previous_json, record_json) VALUES (@caseId, @number, @at, @author, @action, @previousJson, @recordJson);
