-- Every revision of a record, oldest first.
SELECT case_id AS CaseId, number AS Number, at AS At, author AS Author, action AS Action, previous_json AS PreviousJson, record_json AS RecordJson
FROM revisions WHERE case_id = @caseId ORDER BY number;
