-- The number the next revision of a record takes.
SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WITH (UPDLOCK, HOLDLOCK) WHERE case_id = @caseId;
