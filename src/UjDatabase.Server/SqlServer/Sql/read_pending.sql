-- The oldest pending outbox rows.
SELECT TOP (@max) seq AS Seq, case_id AS CaseId, operation AS Operation, version AS Version
FROM outbox WHERE processed_at IS NULL ORDER BY seq;
